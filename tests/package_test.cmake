# The installed library as another project uses it: installs this build into a scratch prefix,
# configures tools/examples on its own against it (find_package(casegraph) and casegraph::core),
# builds and runs it, and checks that nothing installed for the library names the command
# line's libraries (CLI11, libedit).
# Inputs: BUILD_DIR, SOURCE_DIR, WORK_DIR, GENERATOR, CXX, NM.
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${ARGN}\nexited with ${status}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/tools/examples" -B "${WORK_DIR}/build" -G "${GENERATOR}"
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/connect" "${SOURCE_DIR}/graphs" Navalny NCOSE)
message(STATUS "connect Navalny NCOSE:\n${run_output}")
if(NOT run_output MATCHES "^Alexei Navalny jailed by Russian authorities")
  message(FATAL_ERROR "unexpected path:\n${run_output}")
endif()

# The core names neither CLI11 nor libedit: not in its symbols, not in its CMake package.
file(GLOB_RECURSE archives "${prefix}/*/libcasegraph_core.a")
if(NOT archives)
  message(FATAL_ERROR "libcasegraph_core.a is not installed")
endif()
run(${NM} -C ${archives})
if(run_output MATCHES "CLI::|readline|rl_line_buffer|add_history")
  message(FATAL_ERROR "the installed core library names CLI11 or libedit")
endif()
file(GLOB_RECURSE package_files "${prefix}/*/cmake/casegraph/*.cmake")
foreach(f IN LISTS package_files)
  file(READ "${f}" text)
  if(text MATCHES "CLI11|editline|libedit")
    message(FATAL_ERROR "${f} names CLI11 or libedit")
  endif()
endforeach()
file(GLOB_RECURSE headers RELATIVE "${prefix}/include/casegraph" "${prefix}/include/casegraph/*.h")
list(LENGTH headers count)
message(STATUS "${count} public headers; the core's CMake package and archive name neither CLI11 nor libedit")
