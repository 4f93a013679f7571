// The commonest batch lines (neighbors and path) decoded from their JSON straight into the
// command's options, without making a command line of them for the option parser.
#pragma once

#include <rapidjson/document.h>

#include <functional>

namespace casegraph::cli {

struct Context;

/// The action a batch line asks for, when the line is one the direct decoding takes: a
/// neighbors or path request whose every key names an option of the command, given once, with
/// a value the option parser would take as it stands (no list item empty, no word starting with
/// '-', numbers in range, no two flags that exclude each other). Otherwise an empty function:
/// the line goes through the option parser, which answers it, or words its error, as always.
std::function<int()> DecodeDirectly(const rapidjson::Value& request, const Context* ctx);

}  // namespace casegraph::cli
