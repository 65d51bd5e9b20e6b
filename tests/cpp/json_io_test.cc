// The CLI's JSON writing (cleaner/cli/json_io.h), against nlohmann's.
#include "json_io.h"

#include <string>

#include <gtest/gtest.h>

namespace newsclean::cli {
namespace {

std::string nlohmann_string(const std::string& s) { return dump_line(Json(s)); }

TEST(JsonString, WritesEveryAsciiByteAsNlohmannDoes) {
  for (int c = 0; c < 0x80; ++c) {
    const std::string one(1, static_cast<char>(c));
    EXPECT_EQ(json_string(one), nlohmann_string(one)) << "byte " << c;
    const std::string inside = "a " + one + " b";
    EXPECT_EQ(json_string(inside), nlohmann_string(inside)) << "byte " << c;
  }
}

TEST(JsonString, CopiesMultiByteCharactersAndEscapesAroundThem) {
  const std::string s = "Caf\xC3\xA9 \"na\xC3\xAFve\"\n\tline two \xF0\x9F\x93\xB0 \\ end\x01";
  EXPECT_EQ(json_string(s), nlohmann_string(s));
  EXPECT_EQ(Json::parse(json_string(s)).get<std::string>(), s);
}

TEST(JsonString, ReplacesIllFormedUtf8AsNlohmannDoes) {
  for (const std::string s : {"bad \xFF byte", "cut \xC3", "\xED\xA0\x80 surrogate"}) {
    EXPECT_EQ(json_string(s), nlohmann_string(s));
    EXPECT_NE(json_string(s).find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
  }
}

TEST(JsonString, WritesTheEmptyString) { EXPECT_EQ(json_string(""), "\"\""); }

}  // namespace
}  // namespace newsclean::cli
