#pragma once
inline int inc_value() { return 0; }
