# Runs one command-line case (see tests/cases/README.md) and compares its output.
# Inputs: CASEGRAPH (the binary), CASE_FILE, SOURCE_DIR (the project), WORK_DIR (scratch).
#
# A case file is sections introduced by lines starting with "---- ":
#   args: <command line>          (first lines, before any section; "{root}" is the project dir)
#   exit: <expected exit code>
#   ---- file NAME                (zero or more: written to NAME in the scratch directory)
#   ---- stdout                   (expected standard output, exactly)
#   ---- stderr                   (optional: expected standard error, exactly)
# The command runs in the scratch directory, so file names in diagnostics are as written; the
# project directory in the output is written "{root}".

file(READ "${CASE_FILE}" text)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# Split into a header and sections.
set(sections_names "")
set(pos 0)
string(FIND "${text}" "---- " first)
if(first EQUAL -1)
  message(FATAL_ERROR "${CASE_FILE}: no '---- stdout' section")
endif()
string(SUBSTRING "${text}" 0 ${first} header)
string(SUBSTRING "${text}" ${first} -1 rest)

string(REGEX MATCH "(^|\n)args:[ ]*([^\n]*)" _ "${header}")
set(args_line "${CMAKE_MATCH_2}")
string(REGEX MATCH "(^|\n)exit:[ ]*([0-9]+)" _ "${header}")
set(expected_exit "${CMAKE_MATCH_2}")
if(expected_exit STREQUAL "")
  message(FATAL_ERROR "${CASE_FILE}: missing 'exit:' line")
endif()
string(REPLACE "{root}" "${SOURCE_DIR}" args_line "${args_line}")
separate_arguments(args UNIX_COMMAND "${args_line}")

set(have_stdout FALSE)
set(have_stderr FALSE)
# Walk the sections: rest always starts with "---- ".
while(NOT rest STREQUAL "")
  string(FIND "${rest}" "\n" eol)
  if(eol EQUAL -1)
    string(LENGTH "${rest}" eol)
    set(rest "${rest}\n")
  endif()
  math(EXPR marker_len "${eol} - 5")
  string(SUBSTRING "${rest}" 5 ${marker_len} marker)
  math(EXPR body_start "${eol} + 1")
  string(SUBSTRING "${rest}" ${body_start} -1 rest)
  # The body runs to the next line starting with "---- ".
  if(rest MATCHES "^---- ")
    set(body "")
  else()
    string(FIND "${rest}" "\n---- " next)
    if(next EQUAL -1)
      set(body "${rest}")
      set(rest "")
    else()
      math(EXPR body_len "${next} + 1")
      string(SUBSTRING "${rest}" 0 ${body_len} body)
      string(SUBSTRING "${rest}" ${body_len} -1 rest)
    endif()
  endif()
  string(STRIP "${marker}" marker)
  if(marker MATCHES "^file (.+)$")
    get_filename_component(dir "${WORK_DIR}/${CMAKE_MATCH_1}" DIRECTORY)
    file(MAKE_DIRECTORY "${dir}")
    file(WRITE "${WORK_DIR}/${CMAKE_MATCH_1}" "${body}")
  elseif(marker STREQUAL "stdout")
    set(expected_stdout "${body}")
    set(have_stdout TRUE)
  elseif(marker STREQUAL "stderr")
    set(expected_stderr "${body}")
    set(have_stderr TRUE)
  else()
    message(FATAL_ERROR "${CASE_FILE}: unknown section '---- ${marker}'")
  endif()
endwhile()
if(NOT have_stdout)
  message(FATAL_ERROR "${CASE_FILE}: no '---- stdout' section")
endif()

execute_process(COMMAND "${CASEGRAPH}" ${args}
                WORKING_DIRECTORY "${WORK_DIR}"
                RESULT_VARIABLE actual_exit
                OUTPUT_VARIABLE actual_stdout
                ERROR_VARIABLE actual_stderr)

# Output naming the project directory is compared with "{root}" in its place.
string(REPLACE "${SOURCE_DIR}" "{root}" actual_stdout "${actual_stdout}")
string(REPLACE "${SOURCE_DIR}" "{root}" actual_stderr "${actual_stderr}")

set(failed FALSE)
if(NOT actual_exit STREQUAL expected_exit)
  message(SEND_ERROR "exit code: expected ${expected_exit}, got ${actual_exit}")
  set(failed TRUE)
endif()
if(NOT actual_stdout STREQUAL expected_stdout)
  file(WRITE "${WORK_DIR}/actual.stdout" "${actual_stdout}")
  file(WRITE "${WORK_DIR}/expected.stdout" "${expected_stdout}")
  execute_process(COMMAND diff -u "${WORK_DIR}/expected.stdout" "${WORK_DIR}/actual.stdout"
                  OUTPUT_VARIABLE d)
  message(SEND_ERROR "stdout differs:\n${d}")
  set(failed TRUE)
endif()
if(have_stderr AND NOT actual_stderr STREQUAL expected_stderr)
  file(WRITE "${WORK_DIR}/actual.stderr" "${actual_stderr}")
  file(WRITE "${WORK_DIR}/expected.stderr" "${expected_stderr}")
  execute_process(COMMAND diff -u "${WORK_DIR}/expected.stderr" "${WORK_DIR}/actual.stderr"
                  OUTPUT_VARIABLE d)
  message(SEND_ERROR "stderr differs:\n${d}")
  set(failed TRUE)
endif()
if(failed)
  message(FATAL_ERROR "case ${CASE_FILE} failed (command: ${args_line}; stderr was:\n${actual_stderr})")
endif()
