// Finding the documents to clean and reading them.
//
// The command line names files, folders and "-" (stdin). discover_inputs()
// expands folders (recursively, in name order, skipping hidden entries) into
// a flat list of Inputs; a Reader then turns the inputs into a stream of Items
// in input order: for every input that can be read, kBegin, its documents
// (one for a text file, one per non-blank line for JSONL, one per
// `conversion` record for a WARC / WET file) and kEnd. An input
// that cannot be read yields a single failed kDoc and no kBegin / kEnd (so no
// output file is created for it). Text is passed on as it is: the library
// repairs NUL bytes and invalid UTF-8 with a warning, as for any caller.

#ifndef NEWSCLEAN_CLI_INPUTS_H_
#define NEWSCLEAN_CLI_INPUTS_H_

#include <cstddef>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "warc.h"

struct gzFile_s;  // zlib.h

namespace newsclean::cli {

// What an input file holds: a text document (which may still be HTML: the
// library tells), an HTML page (any charset, not checked as UTF-8), JSONL,
// or WARC records (Common Crawl's WET files: warc.h), whose `conversion`
// records are pages as whole-page text.
// kAuto (a choice only; an Input's kind is never kAuto): .jsonl / .ndjson
// files are JSONL, .html / .htm / .xhtml files HTML, .warc / .wet files WARC
// (a .gz after these counts for nothing: a.warc.wet.gz is WARC), and every
// other file whose first bytes (after gunzip) are "WARC/1." too; the rest,
// and stdin, text. (How a document's text is read, text or HTML, is
// newsclean::Format.)
enum class FileKind { kAuto, kText, kJsonl, kHtml, kWet };

// The name stdin is reported under.
inline constexpr const char* kStdinName = "<stdin>";

struct Input {
  std::string name;                // as reported in messages and "source"
  std::filesystem::path path;      // empty for stdin
  std::filesystem::path relative;  // where it goes under an output folder
  FileKind kind = FileKind::kText;
  bool is_stdin = false;
  bool from_folder = false;        // found by walking a folder argument
  std::string error;               // set when the input could not even be listed
};

struct Discovery {
  std::vector<Input> inputs;
  bool has_folder = false;  // some argument was a folder
};

// Expands `args` ("-" is stdin) into inputs. A folder found equivalent to
// `skip_folder` (the output folder, when it lies inside an input folder) is
// not entered. Arguments that are not folders become inputs as they are,
// even if they do not exist: reading them reports the error in order.
// `stdin_kind` is what "-" is when `kind` is kAuto (kAuto: text).
// An input named NAME.gz goes to NAME under an output folder.
Discovery discover_inputs(const std::vector<std::string>& args,
                          FileKind kind, FileKind stdin_kind,
                          const std::filesystem::path& skip_folder);

// Appends the files of a --files-from list. Under an output folder each goes
// to its path as listed when that is relative and stays below the current
// folder (a/b.txt -> OUT/a/b.txt), else to its file name.
void add_listed_inputs(const std::vector<std::string>& paths, FileKind kind,
                       Discovery* discovery);

// Reads a --files-from list ("-": stdin): one path a line, blank lines skipped.
bool read_path_list(const std::string& file, std::vector<std::string>* paths,
                    std::string* error);

// One unit of work flowing from the Reader through the workers to the writer.
struct Item {
  enum class Kind { kBegin, kDoc, kEnd };
  Kind kind = Kind::kDoc;
  std::size_t input = 0;  // index into the inputs
  std::size_t line = 0;   // 1-based line (JSONL record, or a text file's
                          // first bad byte), or WARC record number (kWet,
                          // counting every record); 0 when there is none
  std::string data;       // the text document, the JSONL line or the WET page
  std::string url;        // kWet: the record's WARC-Target-URI

  bool failed = false;    // set by the reader or by processing
  std::string error;      // why, without the "PATH:LINE: error: " prefix
  bool complete = true;   // kEnd: false when reading stopped on an I/O error

  std::string output;     // bytes to write (set by processing)
  std::string explain;    // lines for stderr (set by processing)
  std::string warnings;   // the library's warnings, lines for stderr
  std::vector<std::string> removed;  // each removal's category (for the summary)
};

// Reads the inputs one item at a time, in order. Files and stdin are read
// through zlib: gzip (by its magic bytes, whatever the name) is decompressed,
// anything else is read as it is.
class Reader {
 public:
  explicit Reader(const std::vector<Input>& inputs) : inputs_(inputs) {}
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Starts at inputs[input] (the earlier ones are not read), and for a JSONL
  // input skips its first `line` lines (a WARC input its first `line`
  // records): for resuming an interrupted run.
  void skip_to(std::size_t input, std::size_t line);

  // Moves the next item into *item. Returns false when every input is done.
  bool next(Item* item);

 private:
  void start_input();   // opens inputs_[current_] and queues what it can
  void read_line();     // queues the next JSONL record (or kEnd)
  void read_record();   // queues the next WARC conversion record (or kEnd)
  bool next_line(std::string* line);  // nullptr: skip it
  bool fill();          // reads more into buf_; false at the end or on error
  void close_file();

  const std::vector<Input>& inputs_;
  std::size_t current_ = 0;
  std::size_t skip_lines_ = 0;
  std::deque<Item> pending_;
  gzFile_s* gz_ = nullptr;  // the open input (may be stdin)
  std::unique_ptr<WarcReader> warc_;  // reads gz_ when it is WARC
  bool gz_reported_ = false;          // a WARC record's error said gzip's
  std::string buf_;         // read, not yet consumed from pos_
  std::size_t pos_ = 0;
  std::size_t scanned_ = 0;  // buf_ has no newline in [pos_, scanned_)
  bool eof_ = false;
  std::size_t line_ = 0;
};

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_INPUTS_H_
