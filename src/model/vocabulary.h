// The built-in vocabulary of legal and regulatory disputes.
#pragma once

#include "model/case.h"

namespace casegraph {

/// Relation types every case knows: lawsuit (sued / sued by), throttle, demand, ... .
Vocabulary BuiltinVocabulary();

/// A relation type named only in a CSV file: label is the type, inverse "<type> (inverse)".
RelationType ImpliedRelationType(const std::string& id);

}  // namespace casegraph
