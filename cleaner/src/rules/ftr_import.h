// Importing FiveFilters' ftr-site-config (Full-Text RSS site files) as
// newsclean site rules. One file per site (`example.com.txt`; a leading dot,
// `.example.com.txt`, for its subdomains), one `directive: value` a line:
//
//   body: //div[@class='story']         -> a body rule
//   strip: //aside                      -> an xpath rule, drop
//   strip_id_or_class: promo            -> xpath .//*[contains(@class,'promo') or
//                                          contains(@id,'promo')], drop
//   strip_image_src: /ads/              -> xpath .//img[contains(@src,'/ads/')], drop
//   (strip rules act inside the chosen content: `pass: content`; the `.//`
//   forms look only there)
//   prune: no                           -> prune: false on the site's body rules
//   title: / author: / date: XPATH      -> metadata rules (title, author, published)
//   test_url: / test_contains:          -> comments beside the site's rules
//
// Everything else (single_page_link, find_string, http_header(...), tidy,
// ...) is not translated, and counted.
#ifndef NEWSCLEAN_SRC_RULES_FTR_IMPORT_H_
#define NEWSCLEAN_SRC_RULES_FTR_IMPORT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>


namespace newsclean {

// The rules (and comments) of one site file, as YAML lines of a `rules:`
// list; `outcomes` gets one (directive, outcome) pair per directive line.
// `site` is the file name without `.txt`.
std::string import_ftr_site(const std::string& site, std::string_view text,
                            std::vector<std::pair<std::string, std::string>>* outcomes);

// The outcome of a translated directive.
inline constexpr const char* kTranslated = "translated";

}  // namespace newsclean

#endif  // NEWSCLEAN_SRC_RULES_FTR_IMPORT_H_
