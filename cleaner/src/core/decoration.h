// A text's decoration: the marks around a link or a list item that are not
// its words ("» More news", "[ Print ]").
#ifndef NEWSCLEAN_SRC_CORE_DECORATION_H_
#define NEWSCLEAN_SRC_CORE_DECORATION_H_

#include <string_view>

namespace newsclean {

// `s` without its decoration: typographic marks before it ("» ", "► ",
// "• ", "→ ") and after it (" »", " ›", " →"), square brackets around it
// ("[ Print ]"), and a Markdown heading's "#" to "######" before words ("##
// Most read"); "" when it has none (or is nothing else). Guillemets around
// it quote it ("« ... »", "» ... «"), and brackets around code ("[ x = 1 ]",
// "[ LIMIT { count } ]") are the code's: no decoration. ASCII marks other
// than the brackets and the heading's ("-", "*", ">", ">>") are a list's, a
// quote's or code's, and stay: ">> Read More: ..." links are the content of
// some WCXB-dev truths and not of others, and as decoration they cost as
// many truth lines as they took junk ones.
std::string_view undecorated(std::string_view s);

// The item of a line marked as a list's ("- 5 min read", "* Jun 9"): the
// text after the ASCII marker, "" for a line without one. Only rules that
// say so (`list_items`) read it: what a list holds is mostly the story's.
std::string_view list_item(std::string_view s);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_CORE_DECORATION_H_
