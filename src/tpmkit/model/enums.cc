#include "tpmkit/model/enums.h"

#include <array>

namespace tpmkit::model {

namespace {
constexpr std::array<std::string_view, 4> kLinkType = {"FS", "SS", "FF", "SF"};
constexpr std::array<std::string_view, 3> kDistribution = {"pert", "triangular", "uniform"};
constexpr std::array<std::string_view, 4> kDependencyStatus = {"on_track", "at_risk", "late",
                                                               "delivered"};
constexpr std::array<std::string_view, 4> kRiskStatus = {"open", "mitigating", "closed",
                                                         "realized"};
constexpr std::array<std::string_view, 3> kStance = {"supportive", "neutral", "resistant"};
constexpr std::array<std::string_view, 2> kDecisionStatus = {"open", "decided"};
constexpr std::array<std::string_view, 4> kMeasure = {"cost", "finish", "p80_finish", "p_on_time"};
constexpr std::array<std::string_view, 4> kChangeStatus = {"proposed", "approved", "rejected",
                                                           "implemented"};
constexpr std::array<std::string_view, 2> kApprovalDecision = {"approved", "rejected"};
constexpr std::array<std::string_view, 4> kAuditStatus = {"not_started", "in_progress", "done",
                                                          "not_applicable"};
}  // namespace

#define TPMKIT_ENUM_NAMES(E, table)                                    \
  std::string_view Name(E v) { return table[static_cast<size_t>(v)]; } \
  template <>                                                          \
  std::span<const std::string_view> Names<E>() {                       \
    return table;                                                      \
  }

TPMKIT_ENUM_NAMES(LinkType, kLinkType)
TPMKIT_ENUM_NAMES(Distribution, kDistribution)
TPMKIT_ENUM_NAMES(DependencyStatus, kDependencyStatus)
TPMKIT_ENUM_NAMES(RiskStatus, kRiskStatus)
TPMKIT_ENUM_NAMES(Stance, kStance)
TPMKIT_ENUM_NAMES(DecisionStatus, kDecisionStatus)
TPMKIT_ENUM_NAMES(Measure, kMeasure)
TPMKIT_ENUM_NAMES(ChangeStatus, kChangeStatus)
TPMKIT_ENUM_NAMES(ApprovalDecision, kApprovalDecision)
TPMKIT_ENUM_NAMES(AuditStatus, kAuditStatus)

#undef TPMKIT_ENUM_NAMES

}  // namespace tpmkit::model
