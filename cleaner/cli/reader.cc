// Reader: the inputs' documents, one Item at a time (inputs.h).
#include "inputs.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace newsclean::cli {

Reader::~Reader() { close_file(); }

void Reader::close_file() {
  warc_.reset();
  if (gz_ != nullptr) gzclose(gz_);
  gz_ = nullptr;
  buf_.clear();
  pos_ = scanned_ = 0;
  eof_ = false;
}

void Reader::skip_to(std::size_t input, std::size_t line) {
  current_ = input;
  skip_lines_ = line;
}

bool Reader::next(Item* item) {
  while (pending_.empty()) {
    if (warc_ != nullptr) {
      read_record();
    } else if (gz_ != nullptr) {
      read_line();
    } else if (current_ < inputs_.size()) {
      start_input();
    } else {
      return false;
    }
  }
  *item = std::move(pending_.front());
  pending_.pop_front();
  return true;
}

namespace {

Item failed_doc(std::size_t input, std::size_t line, std::string error) {
  Item item;
  item.kind = Item::Kind::kDoc;
  item.input = input;
  item.line = line;
  item.failed = true;
  item.error = std::move(error);
  return item;
}

Item marker(Item::Kind kind, std::size_t input) {
  Item item;
  item.kind = kind;
  item.input = input;
  return item;
}

// zlib's message for the last error on `gz` ("cannot read: ...").
std::string gz_error(gzFile gz) {
  int code = Z_OK;
  const char* message = gzerror(gz, &code);
  if (code == Z_ERRNO) return std::string("cannot read: ") + std::strerror(errno);
  return std::string("cannot read: ") + (message != nullptr ? message : "zlib error");
}

// True when gzread's last call ended in an error (a truncated or corrupt
// gzip stream included) rather than at the end of the input.
bool gz_failed(gzFile gz) {
  int code = Z_OK;
  gzerror(gz, &code);
  return code != Z_OK && code != Z_STREAM_END;
}

constexpr unsigned kReadSize = 1 << 16;

}  // namespace

bool Reader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    scanned_ -= pos_;
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kReadSize);
  const int n = gzread(gz_, &buf_[old], kReadSize);
  buf_.resize(old + static_cast<std::size_t>(n > 0 ? n : 0));
  if (n <= 0) eof_ = true;
  return n > 0;
}

void Reader::start_input() {
  const std::size_t index = current_;
  const Input& in = inputs_[index];
  if (!in.error.empty()) {
    pending_.push_back(failed_doc(index, 0, in.error));
    ++current_;
    return;
  }
  // zlib reads gzip by its magic bytes and anything else as it is.
  errno = 0;
  gzFile gz = nullptr;
  if (in.is_stdin) {
    const int fd = ::dup(STDIN_FILENO);
    if (fd >= 0) gz = gzdopen(fd, "rb");
    if (gz == nullptr && fd >= 0) ::close(fd);
  } else {
    gz = gzopen(in.path.c_str(), "rb");
  }
  if (gz == nullptr) {
    pending_.push_back(failed_doc(
        index, 0, std::string("cannot read: ") + std::strerror(errno != 0 ? errno : ENOMEM)));
    ++current_;
    return;
  }
  gzbuffer(gz, 1 << 17);
  gz_ = gz;
  line_ = 0;
  if (in.kind == FileKind::kJsonl) {
    pending_.push_back(marker(Item::Kind::kBegin, index));
    // A resumed run skips the records an interrupted run already wrote.
    for (; skip_lines_ > 0; --skip_lines_) {
      if (!next_line(nullptr)) break;
      ++line_;
    }
    return;  // read_line() continues, one record at a time
  }
  if (in.kind == FileKind::kWet) {
    pending_.push_back(marker(Item::Kind::kBegin, index));
    gz_reported_ = false;
    warc_ = std::make_unique<WarcReader>([gz](std::string* buf) {
      const std::size_t old = buf->size();
      buf->resize(old + kReadSize);
      const int n = gzread(gz, &(*buf)[old], kReadSize);
      buf->resize(old + static_cast<std::size_t>(n > 0 ? n : 0));
      return n > 0;
    });
    return;  // read_record() continues, one record at a time
  }

  while (fill()) {
  }
  const bool failed = gz_failed(gz_);
  const std::string error = failed ? gz_error(gz_) : std::string();
  std::string text = std::move(buf_);
  close_file();
  ++current_;
  if (failed) {
    pending_.push_back(failed_doc(index, 0, error));
    return;
  }
  // Text is not checked here: the library repairs NUL bytes, invalid UTF-8
  // and UTF-16, and says so in the Result's warnings.
  pending_.push_back(marker(Item::Kind::kBegin, index));
  Item doc = marker(Item::Kind::kDoc, index);
  doc.data = std::move(text);
  pending_.push_back(std::move(doc));
  pending_.push_back(marker(Item::Kind::kEnd, index));
}

bool Reader::next_line(std::string* line) {
  while (true) {
    const std::size_t nl = buf_.find('\n', scanned_);
    if (nl != std::string::npos) {
      if (line != nullptr) line->assign(buf_, pos_, nl - pos_);
      pos_ = scanned_ = nl + 1;
      return true;
    }
    scanned_ = buf_.size();
    if (!fill()) break;
  }
  if (pos_ >= buf_.size()) return false;
  if (line != nullptr) line->assign(buf_, pos_, std::string::npos);  // no final newline
  pos_ = scanned_ = buf_.size();
  return true;
}

void Reader::read_line() {
  const std::size_t index = current_;
  std::string s;
  if (!next_line(&s)) {
    Item end = marker(Item::Kind::kEnd, index);
    if (gz_failed(gz_)) {
      pending_.push_back(failed_doc(index, line_ + 1, gz_error(gz_)));
      end.complete = false;
    }
    pending_.push_back(std::move(end));
    close_file();
    ++current_;
    return;
  }
  ++line_;
  if (!s.empty() && s.back() == '\r') s.pop_back();
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) return;  // blank
  Item doc = marker(Item::Kind::kDoc, index);
  doc.line = line_;
  doc.data = std::move(s);
  pending_.push_back(std::move(doc));
}

void Reader::read_record() {
  const std::size_t index = current_;
  WarcRecord record;
  std::size_t number = 0;
  std::string error;
  switch (warc_->next(&record, &number, &error)) {
    case WarcReader::Next::kRecord:
      // A resumed run skips the records an interrupted run already wrote;
      // every run skips the records that are not pages (warcinfo ...).
      if (number <= skip_lines_ || record.type != "conversion") return;
      {
        Item doc = marker(Item::Kind::kDoc, index);
        doc.line = number;
        doc.url = std::move(record.target_uri);
        doc.data = std::move(record.body);
        pending_.push_back(std::move(doc));
      }
      return;
    case WarcReader::Next::kBad:
      if (number <= skip_lines_) return;
      // gzip's own message says more about a cut or corrupt file.
      if (gz_failed(gz_)) {
        error += " (" + gz_error(gz_) + ")";
        gz_reported_ = true;
      }
      pending_.push_back(failed_doc(index, number, std::move(error)));
      return;
    case WarcReader::Next::kEnd:
      break;
  }
  // The records before a read error were read whole (Content-Length tells),
  // so they stay; the error is reported as a failed record after them.
  if (gz_failed(gz_) && !gz_reported_) {
    pending_.push_back(failed_doc(index, warc_->records() + 1, gz_error(gz_)));
  }
  pending_.push_back(marker(Item::Kind::kEnd, index));
  skip_lines_ = 0;
  close_file();
  ++current_;
}

}  // namespace newsclean::cli

