# Finds newsclean's dependencies and provides one target for each:
#   PkgConfig::RE2, PkgConfig::UCHARDET, LibXml2::LibXml2, newsclean_deps::yaml
# Used by the build and by the installed newscleanConfig.cmake.
include(CMakeFindDependencyMacro)
find_dependency(Threads)
find_dependency(PkgConfig)
if(NOT TARGET PkgConfig::RE2)
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET GLOBAL re2)
endif()
# uchardet guesses the charset of pages that do not say theirs (see
# cleaner/src/core/decode.h for why this detector).
if(NOT TARGET PkgConfig::UCHARDET)
  pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET GLOBAL uchardet)
endif()
find_dependency(LibXml2)
find_dependency(yaml-cpp)
if(NOT TARGET newsclean_deps::yaml)
  add_library(newsclean_deps::yaml INTERFACE IMPORTED GLOBAL)
  if(TARGET yaml-cpp::yaml-cpp)
    target_link_libraries(newsclean_deps::yaml INTERFACE yaml-cpp::yaml-cpp)
  else()
    target_link_libraries(newsclean_deps::yaml INTERFACE yaml-cpp)
  endif()
endif()
