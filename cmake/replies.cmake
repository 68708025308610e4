# Reply understanding (issue 6): the overdue_replies library, the reply-classifier model trained
# at build time from data/replies, and the links into `overdue` and the unit tests.
# Included from the root CMakeLists.txt after overdue_core, overdue and overdue_unit_tests.

find_package(PkgConfig REQUIRED)
pkg_check_modules(FASTTEXT REQUIRED IMPORTED_TARGET fasttext)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)

file(GLOB_RECURSE REPLIES_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/replies/*.cc)
add_library(overdue_replies STATIC ${REPLIES_SOURCES})
target_include_directories(overdue_replies PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(overdue_replies PUBLIC overdue_core PkgConfig::RE2 PkgConfig::FASTTEXT
  ICU::uc ICU::i18n)

# The trainer: reads the corpus, keeps the writers the split marks `train`, writes the model.
add_executable(overdue_train_replies ${CMAKE_SOURCE_DIR}/tools/train_replies.cc)
target_link_libraries(overdue_train_replies PRIVATE overdue_replies)

# The model sits beside the `overdue` binary (and the unit tests), where the classifier looks.
set(REPLIES_MODEL ${CMAKE_BINARY_DIR}/overdue-replies.bin)
file(GLOB REPLIES_CORPUS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/replies/corpus/*.tsv)
add_custom_command(
  OUTPUT ${REPLIES_MODEL}
  COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
          $<TARGET_FILE:overdue_train_replies>
          --split ${CMAKE_SOURCE_DIR}/data/replies/split.txt
          --corpus ${CMAKE_SOURCE_DIR}/data/replies/corpus
          --out ${REPLIES_MODEL}
  DEPENDS overdue_train_replies ${REPLIES_CORPUS} ${CMAKE_SOURCE_DIR}/data/replies/split.txt
  COMMENT "Training the reply classifier (fastText, one thread, fixed seed)"
  VERBATIM)
add_custom_target(overdue_replies_model DEPENDS ${REPLIES_MODEL})

target_link_libraries(overdue PRIVATE overdue_replies)
target_link_libraries(overdue_unit_tests PRIVATE overdue_replies)
add_dependencies(overdue overdue_replies_model)
add_dependencies(overdue_unit_tests overdue_replies_model)
