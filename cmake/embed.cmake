# cmake -DINPUT=rules.yaml -DOUTPUT=default_rules.cc -P embed.cmake
# Writes a C++ source that holds INPUT's bytes as newsclean::default_rules_yaml().
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" n)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n" bytes "${bytes}")
math(EXPR size "${n} / 2")
file(WRITE "${OUTPUT}.tmp"
"// Generated from rules.yaml by cmake/embed.cmake. Do not edit.\n"
"#include <string_view>\n"
"#include \"newsclean/cleaner.h\"\n"
"namespace newsclean {\n"
"namespace {\n"
"constexpr char kRules[] = {\n${bytes}'\\0'};\n"
"}  // namespace\n"
"std::string_view default_rules_yaml() { return {kRules, ${size}}; }\n"
"}  // namespace newsclean\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
