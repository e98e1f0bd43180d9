// What a call in a template's pattern may reach before instantiation: the members a dependent
// member call names in the class template its object's type is a specialisation of. The call graph
// (driver/Action.cpp), the barrier-region planner and the collective rule ask the same question.
#pragma once

#include <vector>

namespace clang {
class CXXDependentScopeMemberExpr;
class CXXRecordDecl;
class FunctionDecl;
class NamedDecl;
class QualType;
} // namespace clang

namespace cu2npu {

// The class template a dependent type names (`cub::BlockReduce<T, THREADS>`, through typedefs), as
// its pattern's definition, or null.
const clang::CXXRecordDecl *templatePattern(clang::QualType T);

// Every member function of the called name in that pattern (each overload a candidate; empty when
// the object's type names no known class template).
std::vector<const clang::FunctionDecl *> membersNamed(const clang::CXXDependentScopeMemberExpr *ME);

// The function a lookup result names (a function template's pattern), or null.
const clang::FunctionDecl *asFunction(const clang::NamedDecl *D);

} // namespace cu2npu
