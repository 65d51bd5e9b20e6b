// Reading WARC files (ISO 28500), as Common Crawl's WET files are: one
// record after another, each a head of "Name: value" lines after a
// "WARC/1.x" line, a blank line, then Content-Length bytes of body and
// "\r\n\r\n". A WET file has a `warcinfo` record and then one `conversion`
// record per page, its body the page's whole text (UTF-8) and its address in
// WARC-Target-URI. Gzip (one member per record, as Common Crawl writes it)
// is undone before this reader by zlib.
//
// No WARC reader is packaged for C++ in Debian (FastWARC and warcio, the
// maintained ones, are Python), and the part of the format a WET file needs
// is small, so it is parsed here, strictly and with bounds: a head longer
// than kMaxWarcHead, a missing or malformed Content-Length, or a body over
// kMaxWarcBody is a bad record, reported with its number and skipped (the
// reader then looks for the next line starting "WARC/1."); a record cut
// short by the end of the input is reported as truncated. Nothing in the
// input can make the reader hold more than about kMaxWarcHead +
// kMaxWarcBody bytes, loop without consuming input, or throw anything but
// std::bad_alloc.

#ifndef NEWSCLEAN_CLI_WARC_H_
#define NEWSCLEAN_CLI_WARC_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace newsclean::cli {

inline constexpr std::size_t kMaxWarcHead = std::size_t{64} << 10;
inline constexpr std::uint64_t kMaxWarcBody = std::uint64_t{256} << 20;

// True when `data` (a file's first bytes, after gunzip) starts like a WARC
// record: "WARC/1.".
bool looks_like_warc(std::string_view data);

struct WarcHead {
  std::string type;        // WARC-Type, e.g. "conversion", "warcinfo"
  std::string target_uri;  // WARC-Target-URI; empty when there is none
  std::uint64_t length = 0;  // Content-Length
  std::size_t size = 0;    // bytes of the head, its blank line included
};

enum class WarcParse { kOk, kNeedMore, kBad };

// Parses the head at the start of `data`: kNeedMore when `data` ends before
// the blank line (and is shorter than kMaxWarcHead), kBad with *error set.
WarcParse parse_warc_head(std::string_view data, WarcHead* head, std::string* error);

struct WarcRecord {
  std::size_t number = 0;  // 1-based, counting every record of the input
  std::string type;
  std::string target_uri;
  std::string body;
};

// The records of one input, in order, read through `fill`.
class WarcReader {
 public:
  // `fill` appends the next bytes of the input to its argument and returns
  // false at the end of the input (or on a read error) and from then on.
  explicit WarcReader(std::function<bool(std::string*)> fill) : fill_(std::move(fill)) {}

  enum class Next {
    kRecord,  // *record is the next record
    kBad,     // record number *number is bad (or truncated): *error says why
    kEnd,     // no more records
  };
  Next next(WarcRecord* record, std::size_t* number, std::string* error);

  // Records seen so far, bad ones included.
  std::size_t records() const { return count_; }

 private:
  bool more();             // reads more input into buf_; false at the end
  bool skip_separators();  // past CR / LF between records; false at the end
  bool resync();           // to the next line starting "WARC/1."; false at the end
  bool discard(std::uint64_t n);  // drops n bytes of input; false if it ends first

  std::function<bool(std::string*)> fill_;
  std::string buf_;
  std::size_t pos_ = 0;   // buf_ before pos_ is consumed
  bool eof_ = false;
  bool lost_ = false;     // after a bad record: look for the next one
  std::size_t count_ = 0;  // records seen
};

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_WARC_H_
