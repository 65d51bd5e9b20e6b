// Finding the documents to clean and reading them.
//
// The command line names files, folders and "-" (stdin). discover_inputs()
// expands folders (recursively, in name order, skipping hidden entries) into
// a flat list of Inputs; a Reader then turns the inputs into a stream of Items
// in input order: for every input that can be read, kBegin, its documents
// (one for a text file, one per non-blank line for JSONL) and kEnd. An input
// that cannot be read, or a text file that is not valid UTF-8 or holds a NUL
// byte, yields a single failed kDoc and no kBegin / kEnd (so no output file
// is created for it).

#ifndef NEWSCLEAN_CLI_INPUTS_H_
#define NEWSCLEAN_CLI_INPUTS_H_

#include <cstddef>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace newsclean::cli {

// What an input file holds: a text document (which may still be HTML: the
// library tells), an HTML page (any charset, not checked as UTF-8), or JSONL.
// kAuto (a choice only; an Input's kind is never kAuto): .jsonl / .ndjson
// files are JSONL, .html / .htm / .xhtml files HTML, every other file and
// stdin text. (How a document's text is read, text or HTML, is
// newsclean::Format.)
enum class FileKind { kAuto, kText, kJsonl, kHtml };

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
Discovery discover_inputs(const std::vector<std::string>& args,
                          FileKind kind,
                          const std::filesystem::path& skip_folder);

// One unit of work flowing from the Reader through the workers to the writer.
struct Item {
  enum class Kind { kBegin, kDoc, kEnd };
  Kind kind = Kind::kDoc;
  std::size_t input = 0;  // index into the inputs
  std::size_t line = 0;   // 1-based line (JSONL record, or a text file's
                          // first bad byte); 0 when there is none
  std::string data;       // the text document or the JSONL line

  bool failed = false;    // set by the reader or by processing
  std::string error;      // why, without the "PATH:LINE: error: " prefix
  bool complete = true;   // kEnd: false when reading stopped on an I/O error

  std::string output;     // bytes to write (set by processing)
  std::string explain;    // lines for stderr (set by processing)
};

// Reads the inputs one item at a time, in order.
class Reader {
 public:
  explicit Reader(const std::vector<Input>& inputs) : inputs_(inputs) {}
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Moves the next item into *item. Returns false when every input is done.
  bool next(Item* item);

 private:
  void start_input();   // opens inputs_[current_] and queues what it can
  void read_line();     // queues the next JSONL record (or kEnd)
  void close_file();

  const std::vector<Input>& inputs_;
  std::size_t current_ = 0;
  std::deque<Item> pending_;
  std::FILE* file_ = nullptr;  // the open JSONL input (may be stdin)
  std::size_t line_ = 0;
  char* line_buf_ = nullptr;
  std::size_t line_cap_ = 0;
};

}  // namespace newsclean::cli

#endif  // NEWSCLEAN_CLI_INPUTS_H_
