// The CLI's WARC reader (cleaner/cli/warc.h): records of made-up pages, fed
// in small pieces so that every boundary falls inside a head or a body.

#include "warc.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace newsclean::cli {
namespace {

std::string record(const std::string& type, const std::string& uri, const std::string& body,
                   const std::string& length = "") {
  std::string head = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) head += "WARC-Target-URI: " + uri + "\r\n";
  head += "WARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: text/plain\r\n";
  head += "Content-Length: " + (length.empty() ? std::to_string(body.size()) : length) + "\r\n";
  return head + "\r\n" + body + "\r\n\r\n";
}

// What a reader makes of `input` given `piece` bytes at a time: one line per
// event, "N type uri |body|" for a record, "N bad: why" for a bad one.
std::vector<std::string> events(const std::string& input, std::size_t piece = 7) {
  std::size_t at = 0;
  WarcReader reader([&](std::string* buf) {
    if (at >= input.size()) return false;
    const std::size_t n = std::min(piece, input.size() - at);
    buf->append(input, at, n);
    at += n;
    return true;
  });
  std::vector<std::string> out;
  WarcRecord r;
  std::size_t number = 0;
  std::string error;
  for (int guard = 0; guard < 1000; ++guard) {
    switch (reader.next(&r, &number, &error)) {
      case WarcReader::Next::kRecord:
        EXPECT_EQ(r.number, number);
        out.push_back(std::to_string(number) + " " + r.type + " " + r.target_uri + " |" +
                      r.body + "|");
        break;
      case WarcReader::Next::kBad:
        out.push_back(std::to_string(number) + " bad: " + error);
        break;
      case WarcReader::Next::kEnd:
        return out;
    }
  }
  ADD_FAILURE() << "the reader did not reach the end";
  return out;
}

TEST(Warc, ReadsRecordsInOrderWhateverThePieces) {
  const std::string input =
      record("warcinfo", "", "software: test\r\n") +
      record("conversion", "https://a.example/1", "Home\nThe story.\n") +
      record("conversion", "https://a.example/2", "") +
      record("conversion", "https://a.example/3", "Zürich \xE2\x80\x94 ok\n");
  const std::vector<std::string> want = {
      "1 warcinfo  |software: test\r\n|",
      "2 conversion https://a.example/1 |Home\nThe story.\n|",
      "3 conversion https://a.example/2 ||",
      "4 conversion https://a.example/3 |Zürich \xE2\x80\x94 ok\n|"};
  for (std::size_t piece : {1, 2, 7, 64, 1 << 16}) {
    EXPECT_EQ(events(input, piece), want) << "piece " << piece;
  }
}

TEST(Warc, LfLinesAnyCaseNamesAngledUriAndWarc11) {
  const std::string input =
      "WARC/1.1\nwarc-type: conversion\nwarc-target-uri: <https://b.example/x>\n"
      "content-length: 3\n\nabc\n\n";
  EXPECT_EQ(events(input), std::vector<std::string>{"1 conversion https://b.example/x |abc|"});
}

TEST(Warc, BadRecordsAreNumberedAndSkipped) {
  const std::string input =
      record("conversion", "https://a.example/1", "one") +
      "garbage that is no record\r\n" +
      record("conversion", "https://a.example/3", "three") +
      record("conversion", "https://a.example/4", "four", "12x") +
      "WARC/1.0\r\nWARC-Type: conversion\r\n\r\nno length\r\n\r\n" +
      "WARC/1.0\r\nWARC-Type conversion\r\nContent-Length: 1\r\n\r\nx\r\n\r\n" +
      record("conversion", "https://a.example/7", "seven");
  EXPECT_EQ(events(input), (std::vector<std::string>{
                               "1 conversion https://a.example/1 |one|",
                               "2 bad: not a WARC record (no \"WARC/1.x\" line)",
                               "3 conversion https://a.example/3 |three|",
                               "4 bad: Content-Length is not a number of bytes",
                               "5 bad: no Content-Length",
                               "6 bad: head line 2 is not \"Name: value\"",
                               "7 conversion https://a.example/7 |seven|"}));
}

TEST(Warc, TruncatedLastRecordIsReported) {
  const std::string whole = record("conversion", "https://a.example/2", "the last page");
  const std::string input = record("conversion", "https://a.example/1", "one") +
                            whole.substr(0, whole.size() - 10);
  EXPECT_EQ(events(input), (std::vector<std::string>{
                               "1 conversion https://a.example/1 |one|",
                               "2 bad: truncated: Content-Length is 13 bytes, the input ends "
                               "after 7"}));
  const std::string head_cut = record("conversion", "https://a.example/1", "one") +
                               whole.substr(0, 30);
  EXPECT_EQ(events(head_cut).back(),
            "2 bad: truncated: the input ends inside the record's head");
}

TEST(Warc, OversizedRecordIsSkippedWithoutBeingHeld) {
  const std::uint64_t big = kMaxWarcBody + 1;
  const std::string head = "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: " +
                           std::to_string(big) + "\r\n\r\n";
  const std::string after = "\r\n\r\n" + record("conversion", "https://a.example/2", "two");
  // The body is made on the fly, a MB at a time; the reader must not keep it.
  std::uint64_t made = 0;
  int stage = 0;
  std::size_t most = 0;
  WarcReader reader([&](std::string* buf) {
    most = std::max(most, buf->size());
    if (stage == 0) {
      buf->append(head);
      stage = 1;
    } else if (stage == 1) {
      const std::uint64_t n = std::min<std::uint64_t>(std::uint64_t{1} << 20, big - made);
      buf->append(static_cast<std::size_t>(n), 'x');
      made += n;
      if (made == big) stage = 2;
    } else if (stage == 2) {
      buf->append(after);
      stage = 3;
    } else {
      return false;
    }
    return true;
  });
  WarcRecord r;
  std::size_t number = 0;
  std::string error;
  ASSERT_EQ(reader.next(&r, &number, &error), WarcReader::Next::kBad);
  EXPECT_EQ(number, 1u);
  EXPECT_NE(error.find("is over the limit"), std::string::npos) << error;
  ASSERT_EQ(reader.next(&r, &number, &error), WarcReader::Next::kRecord);
  EXPECT_EQ(number, 2u);
  EXPECT_EQ(r.body, "two");
  EXPECT_EQ(reader.next(&r, &number, &error), WarcReader::Next::kEnd);
  EXPECT_LT(most, std::size_t{4} << 20);
}

TEST(Warc, HeadWithoutEndIsBoundedAndGarbageEnds) {
  std::string endless = "WARC/1.0\r\n";
  while (endless.size() <= kMaxWarcHead) endless += "X-Filler: 0123456789abcdef\r\n";
  const std::vector<std::string> got = events(endless, 4096);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "1 bad: head longer than 65536 bytes");

  EXPECT_EQ(events(std::string(100000, '\n')), std::vector<std::string>{});
  EXPECT_EQ(events("\x1f\x8b\x08 binary"),
            std::vector<std::string>{"1 bad: not a WARC record (no \"WARC/1.x\" line)"});
}

TEST(Warc, LooksLikeWarc) {
  EXPECT_TRUE(looks_like_warc("WARC/1.0\r\n"));
  EXPECT_TRUE(looks_like_warc("WARC/1.1\r\n"));
  EXPECT_FALSE(looks_like_warc("WARC/2.0"));
  EXPECT_FALSE(looks_like_warc("{\"text\": 1}"));
  EXPECT_FALSE(looks_like_warc("WARC"));
}

}  // namespace
}  // namespace newsclean::cli
