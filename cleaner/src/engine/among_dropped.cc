// The neighbours vote (engine/decide.h drop_among_dropped): lines no rule
// decided that stand among lines the rules drop, the stretches before the
// story's first prose and after its last that dropped lines close, and the
// few lines left among the footer's; and the headline printed again under
// the page's title and its menu.
#include <algorithm>
#include <iterator>
#include <utility>

#include "core/tuning.h"
#include "engine/block_runs.h"
#include "engine/decide.h"
#include "engine/features.h"

namespace newsclean {
namespace {

using Go = std::vector<std::pair<std::size_t, int>>;  // (line, rule)

// A line that may be the story's title: kAmongDroppedTitleWords words or
// more, starting like a headline (a section's name or a label is shorter).
bool title_like(const Block& b) {
  return b.words >= tuning::kAmongDroppedTitleWords && starts_like_headline(b.text);
}

// A rule of what follows a story on a page (a credit line "Reporting by
// ..." included), not of what stands inside one (a caption, an advert's
// marker) or may stand at its end (an update stamp: trafilatura-eval's
// truths keep the lines after one).
bool ends_story(const Rule& r) {
  static const char* const kCategories[] = {"comments", "copyright", "credit",    "footer",
                                            "navigation", "related", "share",     "social",
                                            "subscribe",  "subscription"};
  return std::any_of(std::begin(kCategories), std::end(kCategories),
                     [&](const char* c) { return r.category == c; });
}

// Whether a title rule took the line (the headline, into Result.title).
bool took_title(const std::vector<Rule>& rules, const Decision& d) {
  return d.kind == Decision::kMetadata && rules[d.rule].field == Field::kTitle;
}

// Before the story's first kept prose (first_prose), a few lines that are
// not prose (tuning::kHeadBetweenMaxLines) between two dropped lines are
// the page's (a byline, a desk's name between the posting time and a tool
// row; a menu's items among the menu's other lines); the title stays: the
// first kept line that starts like a headline, unless a title rule took the
// headline. Where one did, the few lines (tuning::kMastheadMaxLines) at the
// top, above the first dropped line, are the page's too: the site's name
// over a menu ("GhanaVoice Online"), unless it names the page the URL names
// (a product's name over its tagline, which the URL matched). `head` is the
// head_among_dropped rule of each line.
void head_stretch(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                  const PageUrl& url, const std::vector<Decision>& dec,
                  const std::vector<int>& head, std::size_t first_prose, Go* go) {
  const auto dropped = [&](std::size_t i) { return !dec[i].kept(); };
  std::size_t first_drop = 0, last_drop = first_prose;
  while (first_drop < first_prose && !dropped(first_drop)) ++first_drop;
  while (last_drop > first_drop && !dropped(last_drop - 1)) --last_drop;
  std::size_t title = first_drop;  // the line the title rule took
  while (title < first_prose && !took_title(rules, dec[title])) ++title;
  if (title < first_prose && first_drop <= tuning::kMastheadMaxLines) {
    for (std::size_t j = 0; j < first_drop; ++j) {
      const bool named = (!url.slug.empty() || !url.name_words.empty()) &&
                         names_the_page(blocks[j].text, url);
      if (head[j] >= 0 && !named) go->emplace_back(j, head[j]);
    }
  }
  // Else the title is the first kept line that starts like a headline.
  if (title == first_prose) {
    title = 0;
    while (title < first_prose && !(dec[title].kept() && title_like(blocks[title]))) ++title;
  }
  // Each run of kept lines between two dropped ones, when it is short.
  std::size_t between = 0, run = first_drop + 1;
  for (std::size_t j = first_drop + 1; j < last_drop; ++j) {
    if (!dropped(j)) continue;
    if (j - run <= tuning::kHeadBetweenMaxLines) {
      for (std::size_t k = run; k < j; ++k) {
        if (head[k] >= 0 && k != title) go->emplace_back(k, head[k]);
      }
    }
    between += j - run;
    run = j + 1;
  }
  if (between > tuning::kHeadBetweenMaxLines) return;
  // A deck: when a title rule took the headline, the first prose under it
  // with lines the rules drop after it (a byline's time, a share row) and
  // the story's next prose at most tuning::kHeadDeckMaxGap lines on is the
  // headline's deck; the few lines after it that are not prose are the
  // head's too ("Elena Sotomayor Ruiz" over her posting time), but for the
  // one right above that prose (a live blog's first entry's heading). A
  // line only the chrome-words model took is no such line: it reads words,
  // not a stamp's or a tool's form, and may be the story's own short line.
  if (title >= first_prose || !dropped(title)) return;
  std::size_t next = first_prose + 1;
  while (next < dec.size() && !(dec[next].kept() && blocks[next].prose)) ++next;
  std::size_t drops = 0, kept = 0;
  for (std::size_t j = first_prose + 1; j < next; ++j) {
    if (!dropped(j)) {
      ++kept;
    } else if (dec[j].rule < 0 || rules[dec[j].rule].feature != Feature::kChromeWords) {
      ++drops;
    }
  }
  if (next == dec.size() || next - first_prose > tuning::kHeadDeckMaxGap || drops == 0 ||
      kept > tuning::kHeadBetweenMaxLines) {
    return;
  }
  for (std::size_t j = first_prose + 1; j + 1 < next; ++j) {
    if (head[j] >= 0) go->emplace_back(j, head[j]);
  }
}

// After the story's last kept prose (last_prose), between the first line
// dropped after it by a rule of what follows a story (ends_story: a share
// row, a list of other stories, comments, a footer; not a caption or an
// advert's marker, which stand inside one) and the last line dropped: what
// is not prose is the page's (readers' comments, a shop's offer, a table of
// other results between a share row and the copyright line), but a
// sentence right after an advert (the story goes on under it: "Watch: ...",
// "Advertisement", then its last line). `tail` is the tail_among_dropped
// rule of each line.
void tail_stretch(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                  const std::vector<Decision>& dec, const std::vector<int>& tail,
                  std::size_t last_prose, Go* go) {
  const std::size_t n = dec.size();
  const auto dropped = [&](std::size_t i) { return !dec[i].kept(); };
  const auto advert = [&](std::size_t i) {
    return dropped(i) && dec[i].rule >= 0 && rules[dec[i].rule].category == "advert";
  };
  std::size_t first_drop = last_prose + 1, last_drop = n;
  while (first_drop < n &&
         !(dropped(first_drop) && dec[first_drop].rule >= 0 &&
           ends_story(rules[dec[first_drop].rule]))) {
    ++first_drop;
  }
  while (last_drop > first_drop && !dropped(last_drop - 1)) --last_drop;
  for (std::size_t j = first_drop + 1; j + 1 < last_drop; ++j) {
    // The story goes on under an advert: a sentence right after one.
    if (advert(j - 1) && blocks[j].ends_sentence) continue;
    if (tail[j] >= 0) go->emplace_back(j, tail[j]);
  }
}

// The categories that may open the closing stretch: what only follows a
// story (a share row, a newsletter box or a link to another story may stand
// inside one, and its last paragraphs after them).
bool closes_story(const Rule& r) {
  return r.category == "footer" || r.category == "copyright" || r.category == "comments" ||
         r.category == "credit";
}

// After the story: the few lines left between a run of dropped lines that
// closes_story opens and the document's last dropped line, prose or not (a
// related story's summary, a classified ad, a comment, a publisher's note),
// when the story before the run outweighs them (the tuning::kClosing*
// bounds). The earliest such run takes the most. `closing` is the
// closing_among_dropped rule of each line.
void closing_stretch(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                     const std::vector<int>& closing, std::vector<Decision>* d) {
  std::vector<Decision>& dec = *d;
  const std::size_t n = dec.size();
  const auto dropped = [&](std::size_t i) { return !dec[i].kept(); };
  std::size_t last_drop = n;
  while (last_drop > 0 && !dropped(last_drop - 1)) --last_drop;
  if (last_drop == 0) return;
  --last_drop;
  // The kept lines from each line to last_drop, read backwards: how many,
  // their words, and how many no closing rule fits.
  std::vector<std::size_t> lines(last_drop + 1), words(last_drop + 1), unfit(last_drop + 1);
  for (std::size_t j = last_drop; j-- > 0;) {
    const bool kept = !dropped(j);
    lines[j] = lines[j + 1] + kept;
    words[j] = words[j + 1] + (kept ? blocks[j].words : 0);
    unfit[j] = unfit[j + 1] + (kept && closing[j] < 0);
  }
  std::size_t story_words = 0;  // the kept prose's words before `open`
  for (std::size_t open = 0; open + tuning::kClosingMinRun <= last_drop; ++open) {
    if (dec[open].kept() && blocks[open].prose) story_words += blocks[open].words;
    const int r = dec[open].rule;
    if (!dropped(open) || r < 0 || !closes_story(rules[r])) continue;
    if (lines[open + 1] == 0) return;  // nothing left after it, nor after a later run
    if (lines[open] - lines[open + tuning::kClosingMinRun] != 0) continue;  // no run here
    if (unfit[open + 1] > 0 || lines[open + 1] > tuning::kClosingMaxLines ||
        words[open + 1] > tuning::kClosingMaxWords ||
        story_words < tuning::kClosingStoryRatio * words[open + 1]) {
      continue;
    }
    for (std::size_t j = open + 1; j < last_drop; ++j) {
      if (!dropped(j)) dec[j] = {Decision::kDrop, closing[j]};
    }
    return;
  }
}

}  // namespace

bool drop_headline_after_menu(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                              const PageUrl& url, std::vector<Decision>* d) {
  std::vector<Decision>& dec = *d;
  const std::size_t n = blocks.size();
  std::size_t title = 0;
  while (title < n && !took_title(rules, dec[title])) ++title;
  // The first kept line after line j (n when none).
  const auto kept_after = [&](std::size_t j) {
    ++j;
    while (j < n && !dec[j].kept()) ++j;
    return j;
  };
  if (title >= n) return false;
  std::size_t h = kept_after(title);
  if (h >= n) return false;
  // Right under the title, a line is the headline only when lines the rules
  // drop (a posting time, a byline) stand between it and the story's first
  // prose; else it may be a deck or the story's own first line.
  const bool under_title = h == title + 1;
  if (under_title) {
    const std::size_t next = kept_after(h);
    if (next == h + 1 || next >= n || !blocks[next].prose) return false;
  }
  // A section's label over the headline ("Ticino", "Championship Division
  // Two"): a short line, not a sentence, is passed over once, unless it
  // heads a list ("Key points" over three lines shaped alike). (A block
  // that is prose ends a sentence.)
  const auto headline_shaped = [&](std::size_t j) {
    return j < n && blocks[j].words >= tuning::kTitleMinWordsWithoutUrl &&
           !blocks[j].ends_sentence && starts_like_headline(blocks[j].text);
  };
  if (!under_title && blocks[h].words < tuning::kTitleMinWordsWithoutUrl &&
      !blocks[h].ends_sentence) {
    h = kept_after(h);
    if (h >= n) return false;
    const std::size_t next = kept_after(h);
    if (headline_shaped(next) && headline_shaped(kept_after(next))) return false;
  }
  const Block& b = blocks[h];
  if (b.words < tuning::kTitleMinWordsWithoutUrl || b.words > tuning::kHeadlineAfterMenuMaxWords ||
      b.prose || b.ends_sentence || b.text.back() == ':' /* a lead-in */ ||
      !starts_like_headline(b.text)) {
    return false;
  }
  // Before the story's prose: a line of it follows.
  bool before_prose = false;
  for (std::size_t j = h + 1; j < n && j <= h + tuning::kTitleLookahead; ++j) {
    if (dec[j].kept() && blocks[j].prose) {
      before_prose = true;
      break;
    }
  }
  if (!before_prose || !names_the_page(b.text, url)) return false;
  dec[h] = {Decision::kDrop, dec[title].rule};
  return true;
}

void drop_among_dropped(const std::vector<Rule>& rules, const std::vector<Block>& blocks,
                        const PageUrl& url, const Hits& hits, const Regions& reg,
                        bool page_text, std::vector<Decision>* d) {
  std::vector<Decision>& dec = *d;
  const std::size_t n = blocks.size();
  // The rule that fits each undecided line, or -1: an among_dropped one, a
  // head_among_dropped one, a tail_among_dropped one and a
  // closing_among_dropped one.
  std::vector<int> rule(n, -1), head(n, -1), tail(n, -1), closing(n, -1);
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (dec[i].kind != Decision::kNone) continue;
    for (int k : hits[i]) {
      if (!reg.in(rules[k].where, i)) continue;
      const Feature f = rules[k].feature;
      if (f == Feature::kAmongDropped && rule[i] < 0) rule[i] = k;
      if (f == Feature::kHeadAmongDropped && head[i] < 0 && !page_text) head[i] = k;
      if (f == Feature::kTailAmongDropped && tail[i] < 0 && !page_text) tail[i] = k;
      if (f == Feature::kClosingAmongDropped && closing[i] < 0 && !page_text) closing[i] = k;
      any = any || rule[i] >= 0 || head[i] >= 0 || tail[i] >= 0 || closing[i] >= 0;
    }
  }
  if (!any) return;
  std::size_t first_prose = n, last_prose = n;
  for (std::size_t i = 0; i < n; ++i) {
    if (!dec[i].kept() || !blocks[i].prose) continue;
    if (first_prose == n) first_prose = i;
    last_prose = i;
  }
  Go ending;  // the page's lines after the story's end
  if (last_prose < n) tail_stretch(rules, blocks, dec, tail, last_prose, &ending);
  if (!page_text) {
    std::vector<bool> left_out(n);
    for (std::size_t i = 0; i < n; ++i) left_out[i] = !dec[i].kept() && !blocks[i].prose;
    if (!is_story(blocks, &left_out)) {
      // The page's lines after the story's end may outweigh it: without
      // them the rest may still be a story, and they go alone.
      for (const auto& jk : ending) left_out[jk.first] = true;
      if (!ending.empty() && is_story(blocks, &left_out)) {
        for (const auto& [j, k] : ending) dec[j] = {Decision::kDrop, k};
      }
      return;
    }
  }
  // The story's own lines stay: a heading above its prose, its title.
  bool title = !page_text && dec[0].kept();
  if (!page_text) rule[0] = -1;
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 1 < n && dec[i + 1].kept() && blocks[i + 1].prose) rule[i] = -1;
    if (rule[i] >= 0 && !title && i < first_prose && title_like(blocks[i])) {
      rule[i] = -1;
      title = true;
    }
  }
  const auto dropped = [&](std::size_t i) { return !dec[i].kept(); };
  // A dropped line alone between the run and a line that is not prose.
  const auto alternates = [&](std::size_t i, std::size_t beyond) {
    return beyond < n && dec[beyond].kept() && !blocks[beyond].prose && dropped(i);
  };
  Go go;  // decided on the rules' drops only, not on each other's
  for (std::size_t a = 0; a < n;) {
    if (rule[a] < 0) {
      ++a;
      continue;
    }
    std::size_t b = a;  // the run [a, b)
    while (b < n && rule[b] >= 0) ++b;
    const bool before = a > 0 && dropped(a - 1);
    const bool after = b < n && dropped(b);
    bool votes = (before || a == 0) && (after || b == n) && (before || after);
    if (votes && !page_text) {
      votes = !(a > 1 && alternates(a - 1, a - 2)) && !(b < n && alternates(b, b + 1));
    }
    // Inside the story, a lead-in and two items or more are a list of its
    // own ("Die Forderungen:" and the demands) between a caption and an
    // advert's marker.
    if (votes && first_prose < a && b <= last_prose && b - a > 2 && leads_into_list(blocks[a])) {
      votes = false;
    }
    if (!votes && page_text && (before || after)) {
      votes = b <= first_prose || (last_prose < n && a > last_prose);
    }
    if (votes) {
      for (std::size_t j = a; j < b; ++j) go.emplace_back(j, rule[j]);
    }
    a = b;
  }
  // The runs' rule first, where both fit.
  go.insert(go.end(), ending.begin(), ending.end());
  if (first_prose < n) head_stretch(rules, blocks, url, dec, head, first_prose, &go);
  for (const auto& [j, k] : go) {
    if (dec[j].kind == Decision::kNone) dec[j] = {Decision::kDrop, k};
  }
  closing_stretch(rules, blocks, closing, d);
}

}  // namespace newsclean
