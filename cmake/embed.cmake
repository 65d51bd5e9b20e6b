# cmake -DINPUT=rules.yaml -DOUTPUT=default_rules.cc [-DFUNCTION=default_rules_yaml] -P embed.cmake
# Writes a C++ source that holds INPUT's bytes as newsclean::FUNCTION()
# (default: default_rules_yaml), a std::string_view.
if(NOT FUNCTION)
  set(FUNCTION default_rules_yaml)
endif()
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" n)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n" bytes "${bytes}")
math(EXPR size "${n} / 2")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${name} by cmake/embed.cmake. Do not edit.\n"
"#include <string_view>\n"
"namespace newsclean {\n"
"std::string_view ${FUNCTION}();\n"
"namespace {\n"
"constexpr char kBytes[] = {\n${bytes}'\\0'};\n"
"}  // namespace\n"
"std::string_view ${FUNCTION}() { return {kBytes, ${size}}; }\n"
"}  // namespace newsclean\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
