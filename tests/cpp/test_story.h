// A made-up news story (a bridge closed for repairs) that the HTML tests
// wrap in pages of many shapes.
#ifndef NEWSCLEAN_TESTS_CPP_TEST_STORY_H_
#define NEWSCLEAN_TESTS_CPP_TEST_STORY_H_

namespace newsclean {

inline constexpr const char* kStory[] = {
    "The city council voted on Tuesday to close the Elm Street bridge for repairs, after "
    "engineers found deep cracks in two of its supports.",
    "The bridge, which carries about 20,000 vehicles a day, will stay closed until the end "
    "of March, the council said in a statement.",
    "Drivers will be diverted along the river road, which the council said would add about "
    "ten minutes to most journeys at peak times.",
    "Local businesses on the east bank said they feared losing customers during the "
    "closure, and asked for help with parking.",
};

}  // namespace newsclean

#endif  // NEWSCLEAN_TESTS_CPP_TEST_STORY_H_
