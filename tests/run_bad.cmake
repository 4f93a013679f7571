# Runs `casegraph -g INPUT check` on one malformed input of tests/bad/ and compares the exit
# status and standard error with INPUT's .expected file: a first line "exit: N", then standard
# error exactly. Inputs: CASEGRAPH, SOURCE_DIR, INPUT (relative to SOURCE_DIR), EXPECTED.
file(READ "${EXPECTED}" expected)
string(FIND "${expected}" "\n" eol)
string(SUBSTRING "${expected}" 0 ${eol} first)
math(EXPR rest "${eol} + 1")
string(SUBSTRING "${expected}" ${rest} -1 expected_stderr)
string(REGEX REPLACE "^exit: *" "" expected_exit "${first}")
execute_process(COMMAND "${CASEGRAPH}" -g "${INPUT}" check
                WORKING_DIRECTORY "${SOURCE_DIR}"
                RESULT_VARIABLE actual_exit
                OUTPUT_VARIABLE actual_stdout
                ERROR_VARIABLE actual_stderr)
if(NOT actual_exit STREQUAL expected_exit)
  message(FATAL_ERROR "exit status: expected ${expected_exit}, got ${actual_exit}\n${actual_stderr}")
endif()
if(NOT actual_stderr STREQUAL expected_stderr)
  message(FATAL_ERROR "standard error differs.\nexpected:\n${expected_stderr}\nactual:\n${actual_stderr}")
endif()
if(NOT actual_stdout STREQUAL "")
  message(FATAL_ERROR "a bad input printed on standard output:\n${actual_stdout}")
endif()
