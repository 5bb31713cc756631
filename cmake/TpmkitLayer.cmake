# tpmkit_layer(NAME DEPS <targets...> PRIVATE_DEPS <targets...>)
# One static library per folder of src/tpmkit: every *.cc except *_test.cc and
# *_benchmark.cc. Unit tests beside the code (*_test.cc) form tpmkit_NAME_tests;
# benchmarks beside the code (*_benchmark.cc) form tpmkit_NAME_bench.
#
# Layer rules are enforced by include paths: a layer only sees the headers of the
# layers it links (each layer exposes its headers through its own include root,
# build/include/tpmkit/NAME -> src/tpmkit/NAME), so including a layer that is not a
# dependency fails to compile.
function(tpmkit_layer name)
  cmake_parse_arguments(ARG "" "" "DEPS;PRIVATE_DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc
       ${CMAKE_CURRENT_SOURCE_DIR}/*/*.cc)
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc
       ${CMAKE_CURRENT_SOURCE_DIR}/*/*_test.cc)
  file(GLOB benches CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_benchmark.cc
       ${CMAKE_CURRENT_SOURCE_DIR}/*/*_benchmark.cc)
  if(tests)
    list(REMOVE_ITEM srcs ${tests})
  endif()
  if(benches)
    list(REMOVE_ITEM srcs ${benches})
  endif()

  # A private include root holding only this layer's folder.
  set(root ${CMAKE_BINARY_DIR}/include/${name})
  file(MAKE_DIRECTORY ${root}/tpmkit)
  if(NOT EXISTS ${root}/tpmkit/${name})
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${root}/tpmkit/${name} SYMBOLIC)
  endif()

  if(srcs)
    add_library(tpmkit_${name} STATIC ${srcs})
    target_include_directories(tpmkit_${name} PUBLIC $<BUILD_INTERFACE:${root}>)
    target_link_libraries(tpmkit_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  else()
    # A layer with no code yet still carries its place in the dependency graph.
    add_library(tpmkit_${name} INTERFACE)
    target_include_directories(tpmkit_${name} INTERFACE $<BUILD_INTERFACE:${root}>)
    target_link_libraries(tpmkit_${name} INTERFACE ${ARG_DEPS})
  endif()

  if(TPMKIT_BUILD_TESTS AND tests)
    add_executable(tpmkit_${name}_tests ${tests})
    target_link_libraries(tpmkit_${name}_tests PRIVATE tpmkit_${name} tpmkit_testing
                          GTest::gtest GTest::gmock GTest::gtest_main)
    gtest_discover_tests(tpmkit_${name}_tests DISCOVERY_MODE PRE_TEST
                         PROPERTIES LABELS unit
                         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endif()
  if(TPMKIT_BUILD_BENCH AND benches)
    add_executable(tpmkit_${name}_bench ${benches})
    target_link_libraries(tpmkit_${name}_bench PRIVATE tpmkit_${name} tpmkit_testing
                          benchmark::benchmark_main)
  endif()
endfunction()
