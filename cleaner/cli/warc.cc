#include "warc.h"

#include <algorithm>

namespace newsclean::cli {
namespace {

constexpr std::string_view kMagic = "WARC/1.";

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; };
           return lower(x) == lower(y);
         });
}

std::string_view trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// Content-Length: decimal digits only, at most 19 of them (no overflow).
bool parse_length(std::string_view s, std::uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  std::uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  *out = n;
  return true;
}

WarcParse bad(std::string* error, std::string why) {
  *error = std::move(why);
  return WarcParse::kBad;
}

}  // namespace

bool looks_like_warc(std::string_view data) { return data.substr(0, kMagic.size()) == kMagic; }

WarcParse parse_warc_head(std::string_view data, WarcHead* head, std::string* error) {
  const std::string_view window = data.substr(0, kMaxWarcHead);
  const bool may_grow = data.size() < kMaxWarcHead;
  *head = WarcHead();
  const std::size_t start = std::min(data.size(), kMagic.size());
  if (data.substr(0, start) != kMagic.substr(0, start)) {
    return bad(error, "not a WARC record (no \"WARC/1.x\" line)");
  }
  bool has_length = false;
  for (std::size_t pos = 0, line_no = 0;; ++line_no) {
    const std::size_t nl = window.find('\n', pos);
    if (nl == std::string_view::npos) {
      return may_grow ? WarcParse::kNeedMore
                      : bad(error, "head longer than " + std::to_string(kMaxWarcHead) + " bytes");
    }
    std::string_view line = window.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (line_no == 0) {
      if (!looks_like_warc(line)) return bad(error, "not a WARC record (no \"WARC/1.x\" line)");
      continue;
    }
    if (line.empty()) {
      if (!has_length) return bad(error, "no Content-Length");
      head->size = pos;
      return WarcParse::kOk;
    }
    if (line[0] == ' ' || line[0] == '\t') continue;  // a folded line: not a field we read
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return bad(error, "head line " + std::to_string(line_no + 1) + " is not \"Name: value\"");
    }
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (same_name(name, "WARC-Type")) {
      head->type = value;
    } else if (same_name(name, "WARC-Target-URI")) {
      // WARC/1.0's grammar has <...> around it; some writers followed it.
      const bool angled = value.size() >= 2 && value.front() == '<' && value.back() == '>';
      head->target_uri = angled ? value.substr(1, value.size() - 2) : value;
    } else if (same_name(name, "Content-Length")) {
      if (!parse_length(value, &head->length)) {
        return bad(error, "Content-Length is not a number of bytes");
      }
      has_length = true;
    }
  }
}

bool WarcReader::more() {
  if (eof_) return false;
  if (pos_ > 0 && pos_ >= buf_.size() / 2) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const std::size_t before = buf_.size();
  if (!fill_(&buf_) || buf_.size() == before) eof_ = true;
  return buf_.size() > before;
}

bool WarcReader::skip_separators() {
  for (;;) {
    while (pos_ < buf_.size() && (buf_[pos_] == '\r' || buf_[pos_] == '\n')) ++pos_;
    if (pos_ < buf_.size()) return true;
    if (!more()) return false;
  }
}

bool WarcReader::resync() {
  const std::string needle = "\n" + std::string(kMagic);
  for (;;) {
    const std::size_t at = buf_.find(needle, pos_);
    if (at != std::string::npos) {
      pos_ = at + 1;
      return true;
    }
    // Keep the bytes that may be the start of a needle cut by the buffer's end.
    pos_ = std::max(pos_, buf_.size() - std::min(buf_.size(), needle.size() - 1));
    if (!more()) return false;
  }
}

bool WarcReader::discard(std::uint64_t n) {
  for (;;) {
    const std::uint64_t take = std::min<std::uint64_t>(n, buf_.size() - pos_);
    pos_ += static_cast<std::size_t>(take);
    n -= take;
    if (n == 0) return true;
    if (!more()) return false;
  }
}

WarcReader::Next WarcReader::next(WarcRecord* record, std::size_t* number,
                                  std::string* error) {
  if (lost_) {
    lost_ = false;
    if (!resync()) return Next::kEnd;
  }
  if (!skip_separators()) return Next::kEnd;
  WarcHead head;
  std::string why;
  WarcParse parsed;
  while ((parsed = parse_warc_head(std::string_view(buf_).substr(pos_), &head, &why)) ==
         WarcParse::kNeedMore) {
    if (!more()) {
      parsed = WarcParse::kBad;
      why = "truncated: the input ends inside the record's head";
      break;
    }
  }
  *number = ++count_;
  if (parsed == WarcParse::kBad) {
    *error = std::move(why);
    lost_ = true;  // the next call looks for the next record
    return Next::kBad;
  }
  pos_ += head.size;
  if (head.length > kMaxWarcBody) {
    *error = "Content-Length " + std::to_string(head.length) + " is over the limit of " +
             std::to_string(kMaxWarcBody) + " bytes";
    if (!discard(head.length)) *error += "; the input ends inside the record";
    return Next::kBad;
  }
  const std::size_t length = static_cast<std::size_t>(head.length);
  while (buf_.size() - pos_ < length) {
    if (!more()) {
      *error = "truncated: Content-Length is " + std::to_string(length) +
               " bytes, the input ends after " + std::to_string(buf_.size() - pos_);
      pos_ = buf_.size();
      return Next::kBad;
    }
  }
  record->number = *number;
  record->type = std::move(head.type);
  record->target_uri = std::move(head.target_uri);
  record->body.assign(buf_, pos_, length);
  pos_ += length;
  return Next::kRecord;
}

}  // namespace newsclean::cli
