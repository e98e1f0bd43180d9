# Writes the device catalog into a C++ source as a raw string literal, so the library carries
# it and nothing has to be found at run time. Run at build time: -DIN=<json> -DOUT=<cpp>.
file(READ "${IN}" catalog)
set(delimiter "npurt_catalog")
string(FIND "${catalog}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )${delimiter}\"")
endif()
file(WRITE "${OUT}.tmp"
  "// Generated from ${IN} by EmbedCatalog.cmake; do not edit.\n"
  "#include \"backends/ascend/Catalog.h\"\n\n"
  "namespace npu::backends::ascend {\n"
  "std::string_view embeddedCatalogText() {\n"
  "  static constexpr char text[] = R\"${delimiter}(${catalog})${delimiter}\";\n"
  "  return {text, sizeof text - 1};\n"
  "}\n"
  "} // namespace npu::backends::ascend\n")
# Only touch the output when it changed, so an unchanged catalog rebuilds nothing.
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
