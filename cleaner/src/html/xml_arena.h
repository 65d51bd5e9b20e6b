// A per-thread arena for libxml2's allocations while one page is cleaned.
//
// libxml2 allocates each node, attribute, name and text of a parsed page
// with a malloc of its own and frees them one by one with the tree: on news
// pages that was a third of a clean. While an XmlArena lives on a thread,
// libxml2's allocations on that thread are carved from large blocks, freeing
// one is a no-op, and the blocks go (or are kept for the next page) when
// the arena ends. Allocations made before, after or on other threads go to
// the allocator libxml2 had before (the arena forwards them), so the hooks
// are safe for any other user of libxml2 in the process.
//
//   {
//     XmlArena arena;                    // libxml2 allocates from it now
//     xmlDoc* doc = htmlReadMemory(...);
//     ...                                // nothing of the tree may outlive
//   }                                    // the arena: all of it goes here
//
// XmlArena::owns(doc) tells the code that would free a tree whether it can
// skip the walk.
#ifndef NEWSCLEAN_SRC_HTML_XML_ARENA_H_
#define NEWSCLEAN_SRC_HTML_XML_ARENA_H_

namespace newsclean {

class XmlArena {
 public:
  // Active unless another XmlArena is active on this thread, or libxml2's
  // allocator is no longer the one installed by install().
  XmlArena();
  ~XmlArena();
  XmlArena(const XmlArena&) = delete;
  XmlArena& operator=(const XmlArena&) = delete;

  bool active() const { return active_; }

  // Hooks the arena into libxml2 (xmlMemSetup) once per process; later calls
  // do nothing. Call after xmlInitParser(). False if the hooks are not in
  // place (then no XmlArena is ever active).
  static bool install();

  // True if `p` is memory of the arena active on this thread.
  static bool owns(const void* p);

 private:
  bool active_ = false;
  bool sole_ = false;  // the only active arena when it began (see xml_arena.cc)
};

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_XML_ARENA_H_
