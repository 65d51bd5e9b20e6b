// Scoring: text and link lengths of every element, and content scores.
// A paragraph (p, pre, td, blockquote, a div of text, or text written
// straight into a container) adds to the scores of its parent, grandparent
// and great-grandparent; class/id words and the tag set a starting score.
#ifndef NEWSCLEAN_SRC_HTML_SCORING_H_
#define NEWSCLEAN_SRC_HTML_SCORING_H_

#include "html/page_state.h"

namespace newsclean {

enum class Measure {
  kLengths,  // text and link lengths only; collects <noscript> elements
  kScores,   // and paragraph scores: fills st.candidates
};

// Measures every element below `body` into st (after st.reset_stats() when
// the tree changed). Caption elements and script-like elements count as no
// text.
void measure(PageState& st, xmlNode* body, Measure what);

// Turns into a <div> each <noscript> that holds more prose than the rest of
// the page shows (tuning::kNoscriptProse at least): the content of a page
// drawn by scripts. True if any did (then measure again).
bool reveal_noscript(PageState& st, xmlNode* body);

// What the class and id words of `n` say: positive for a story word
// ("article", "content"), negative for a boilerplate word ("sidebar",
// "comments", "related"), 0 for neither or both.
double class_weight(const xmlNode* n, const ByteClasses& bytes);
// The same, read once per measured element (an unmeasured one is read each
// time: it gets no figures).
double class_weight(PageState& st, xmlNode* n);

// True if `n` is a box that floats over the page, a dialog: <dialog>, role
// dialog or alertdialog, or a class or id name ending in a word that names
// a modal, popup, dialog or consent box.
bool is_dialog(const xmlNode* n, const ByteClasses& bytes);
// True if `n` or an ancestor under <body> is a dialog.
bool in_dialog(const xmlNode* n, const ByteClasses& bytes);

// A candidate's score with its link density taken off.
double final_score(PageState& st, xmlNode* n);

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_HTML_SCORING_H_
