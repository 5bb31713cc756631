# Files the binary carries inside it (migrations, the OpenAPI document, the common-password
# list), so that it never needs the source tree at run time.

# tpmkit_raw_string(OUT FILE DELIMITER): the text of FILE as a C++ raw string literal
# R"DELIMITER(...)DELIMITER". Re-configures when the file changes; fails when the text
# holds the closing sequence.
function(tpmkit_raw_string out file delimiter)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  file(READ ${file} text)
  string(FIND "${text}" ")${delimiter}\"" closing)
  if(NOT closing EQUAL -1)
    message(FATAL_ERROR "${file} must not contain )${delimiter}\"")
  endif()
  set(${out} "R\"${delimiter}(${text})${delimiter}\"" PARENT_SCOPE)
endfunction()

# tpmkit_generated_include(TARGET FILE_NAME CONTENT): writes CONTENT to
# generated/FILE_NAME in the current binary folder, only when it differs from what is there
# (an unchanged file rebuilds nothing), and puts that folder on TARGET's include path.
function(tpmkit_generated_include target file_name content)
  set(dir ${CMAKE_CURRENT_BINARY_DIR}/generated)
  set(path ${dir}/${file_name})
  set(old "")
  if(EXISTS ${path})
    file(READ ${path} old)
  endif()
  if(NOT old STREQUAL content)
    file(WRITE ${path} "${content}")
  endif()
  target_include_directories(${target} PRIVATE ${dir})
endfunction()
