// The enumerations of the program file, with their file spellings.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace tpmkit::model {

enum class LinkType { kFS, kSS, kFF, kSF };
enum class Distribution { kPert, kTriangular, kUniform };
enum class DependencyStatus { kOnTrack, kAtRisk, kLate, kDelivered };
enum class RiskStatus { kOpen, kMitigating, kClosed, kRealized };
enum class Stance { kSupportive, kNeutral, kResistant };
enum class DecisionStatus { kOpen, kDecided };
enum class Measure { kCost, kFinish, kP80Finish, kPOnTime };
enum class ChangeStatus { kProposed, kApproved, kRejected, kImplemented };
enum class ApprovalDecision { kApproved, kRejected };
enum class AuditStatus { kNotStarted, kInProgress, kDone, kNotApplicable };

// Name(e) gives the file spelling; Parse<E>(text) the value, nullopt when unknown;
// Names<E>() all spellings in declaration order (for messages and the schema).
std::string_view Name(LinkType v);
std::string_view Name(Distribution v);
std::string_view Name(DependencyStatus v);
std::string_view Name(RiskStatus v);
std::string_view Name(Stance v);
std::string_view Name(DecisionStatus v);
std::string_view Name(Measure v);
std::string_view Name(ChangeStatus v);
std::string_view Name(ApprovalDecision v);
std::string_view Name(AuditStatus v);

template <typename E>
std::span<const std::string_view> Names();

template <typename E>
std::optional<E> Parse(std::string_view text) {
  auto names = Names<E>();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace tpmkit::model
