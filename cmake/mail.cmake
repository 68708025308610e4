# Letters and mail (issue 5): templates built into the binary, MIME with gmime-3.0, SMTP with
# libcurl. Included from the root CMakeLists.txt after overdue_core, overdue and the unit tests.

find_package(PkgConfig REQUIRED)
pkg_check_modules(GMIME REQUIRED IMPORTED_TARGET gmime-3.0)
find_package(CURL REQUIRED)

file(GLOB_RECURSE TEMPLATE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/templates/*.mustache)
set(EMBEDDED_TEMPLATES ${CMAKE_BINARY_DIR}/generated/builtin_templates.cc)
add_custom_command(
  OUTPUT ${EMBEDDED_TEMPLATES}
  COMMAND ${CMAKE_COMMAND} -DDIR=${CMAKE_SOURCE_DIR}/templates -DOUT=${EMBEDDED_TEMPLATES}
          -P ${CMAKE_SOURCE_DIR}/cmake/embed_templates.cmake
  DEPENDS ${TEMPLATE_FILES} ${CMAKE_SOURCE_DIR}/cmake/embed_templates.cmake
  COMMENT "Building the letter templates into the binary"
  VERBATIM)

file(GLOB_RECURSE MAIL_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/mail/*.cc)
add_library(overdue_mail STATIC ${MAIL_SOURCES} ${EMBEDDED_TEMPLATES})
target_include_directories(overdue_mail PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(overdue_mail PUBLIC overdue_core overdue_replies PkgConfig::GMIME CURL::libcurl)

target_link_libraries(overdue PRIVATE overdue_mail)
target_link_libraries(overdue_unit_tests PRIVATE overdue_mail)
