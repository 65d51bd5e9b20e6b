// The libxml2 arena: what it owns, what it forwards, and what must not
// outlive it.
#include "html/xml_arena.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

namespace newsclean {
namespace {

const xmlChar* to_xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

class XmlArenaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    xmlInitParser();
    ASSERT_TRUE(XmlArena::install());
  }
};

htmlDocPtr read(const std::string& html) {
  return htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET);
}

TEST_F(XmlArenaTest, OwnsTheTreeOnlyWhileActive) {
  void* outside = xmlMalloc(32);
  EXPECT_FALSE(XmlArena::owns(outside));
  {
    const XmlArena arena;
    ASSERT_TRUE(arena.active());
    htmlDocPtr doc = read("<html><body><p class='a'>One</p><p>Two</p></body></html>");
    ASSERT_NE(doc, nullptr);
    EXPECT_TRUE(XmlArena::owns(doc));
    EXPECT_TRUE(XmlArena::owns(xmlDocGetRootElement(doc)));
    EXPECT_FALSE(XmlArena::owns(outside));
    xmlFreeDoc(doc);  // allowed, and a no-op for arena memory
  }
  EXPECT_FALSE(XmlArena::owns(outside));
  xmlFree(outside);
}

TEST_F(XmlArenaTest, NestedArenaIsInactive) {
  const XmlArena outer;
  ASSERT_TRUE(outer.active());
  const XmlArena inner;
  EXPECT_FALSE(inner.active());
  void* p = xmlMalloc(8);
  EXPECT_TRUE(XmlArena::owns(p));  // the outer one's
}

TEST_F(XmlArenaTest, MemoryFromBeforeGoesBackToTheOldAllocator) {
  xmlChar* before = xmlStrdup(to_xml("allocated before the arena"));
  xmlChar* grown = xmlStrdup(to_xml("grown inside"));
  {
    const XmlArena arena;
    ASSERT_TRUE(arena.active());
    xmlFree(before);  // would crash if the arena took it for its own
    grown = static_cast<xmlChar*>(xmlRealloc(grown, 4096));
    ASSERT_NE(grown, nullptr);
    EXPECT_FALSE(XmlArena::owns(grown));
    EXPECT_STREQ(reinterpret_cast<const char*>(grown), "grown inside");
  }
  xmlFree(grown);
}

TEST_F(XmlArenaTest, ReallocKeepsTheBytes) {
  const XmlArena arena;
  ASSERT_TRUE(arena.active());
  char* a = static_cast<char*>(xmlMalloc(5));
  std::memcpy(a, "abcd", 5);
  char* b = static_cast<char*>(xmlMalloc(5));  // a is no longer the newest
  std::memcpy(b, "wxyz", 5);
  a = static_cast<char*>(xmlRealloc(a, 1 << 20));  // moves, into a new block
  ASSERT_NE(a, nullptr);
  EXPECT_STREQ(a, "abcd");
  EXPECT_STREQ(b, "wxyz");
  b = static_cast<char*>(xmlRealloc(b, 3));
  EXPECT_EQ(std::string(b, 3), "wxy");
  char* big = static_cast<char*>(xmlMalloc(std::size_t{64} << 20));  // a block of its own
  ASSERT_NE(big, nullptr);
  big[(std::size_t{64} << 20) - 1] = 'x';
  EXPECT_TRUE(XmlArena::owns(big));
}

// libxml2 keeps the last parse error per thread, with copies of its strings:
// they must not point into the arena once it is gone, or the next error
// would free them.
TEST_F(XmlArenaTest, LastErrorDoesNotOutliveTheArena) {
  const std::string broken = "<html><body><p>unclosed <b><i>tags</p></div></span>&bogus;";
  for (int round = 0; round < 3; ++round) {
    {
      const XmlArena arena;
      ASSERT_TRUE(arena.active());
      htmlDocPtr doc = read(broken);
      ASSERT_NE(doc, nullptr);
      EXPECT_NE(xmlGetLastError(), nullptr);
    }
    EXPECT_EQ(xmlGetLastError(), nullptr);
    htmlDocPtr doc = read(broken);  // outside any arena: the system allocator
    ASSERT_NE(doc, nullptr);
    EXPECT_FALSE(XmlArena::owns(doc));
    xmlFreeDoc(doc);
  }
}

TEST_F(XmlArenaTest, ThreadsHaveArenasOfTheirOwn) {
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &ok] {
      for (int i = 0; i < 50; ++i) {
        const XmlArena arena;
        if (!arena.active()) return;
        const std::string html = "<p>thread " + std::to_string(t) + " page " +
                                 std::to_string(i) + "</p>" + std::string(5000, 'x');
        htmlDocPtr doc = read(html);
        if (doc == nullptr || !XmlArena::owns(doc)) return;
      }
      ok[t] = 1;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok, std::vector<int>(4, 1));
}

// The first thread to hold an arena has its hooks find it without a
// thread-local look-up; a thread that begins one meanwhile still allocates
// from its own, and the first one's memory stays apart.
TEST_F(XmlArenaTest, AnotherThreadsArenaIsItsOwnWhileTheFirstLives) {
  const XmlArena first;
  ASSERT_TRUE(first.active());
  htmlDocPtr before = read("<p>before</p>");
  ASSERT_NE(before, nullptr);
  bool other_owns = false;
  bool other_sees_first = true;
  std::thread other([&] {
    const XmlArena arena;
    if (!arena.active()) return;
    htmlDocPtr doc = read("<p>other thread</p>" + std::string(5000, 'y'));
    other_owns = doc != nullptr && XmlArena::owns(doc);
    other_sees_first = XmlArena::owns(before);
  });
  other.join();
  EXPECT_TRUE(other_owns);
  EXPECT_FALSE(other_sees_first);
  htmlDocPtr after = read("<p>after</p>");
  ASSERT_NE(after, nullptr);
  EXPECT_TRUE(XmlArena::owns(before));
  EXPECT_TRUE(XmlArena::owns(after));
}

}  // namespace
}  // namespace newsclean
