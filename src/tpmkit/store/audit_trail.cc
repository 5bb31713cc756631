#include "tpmkit/store/audit_trail.h"

#include <fmt/format.h>

#include "tpmkit/base/json_text.h"
#include "tpmkit/base/sha256.h"

namespace tpmkit::store {

namespace {

void AppendOptString(std::string& out, const std::optional<std::string>& s) {
  if (s) {
    AppendJsonString(out, *s);
  } else {
    out += "null";
  }
}

void AppendChanges(std::string& out, const std::vector<model::FieldChange>& changes) {
  out += '[';
  for (size_t i = 0; i < changes.size(); ++i) {
    if (i) out += ',';
    out += "{\"field\":";
    AppendJsonString(out, changes[i].field);
    out += ",\"new\":";
    AppendOptString(out, changes[i].new_value);
    out += ",\"old\":";
    AppendOptString(out, changes[i].old_value);
    out += '}';
  }
  out += ']';
}

// A strict reader for the small JSON subset of the changes column: arrays, objects,
// strings and null.
class JsonReader {
 public:
  explicit JsonReader(std::string_view s) : s_(s) {}

  bool ReadChanges(std::vector<model::FieldChange>& out) {
    Ws();
    if (!Eat('[')) return false;
    Ws();
    if (Eat(']')) return AtEnd();
    do {
      Ws();
      model::FieldChange fc;
      if (!ReadChange(fc)) return false;
      out.push_back(std::move(fc));
      Ws();
    } while (Eat(','));
    if (!Eat(']')) return false;
    return AtEnd();
  }

 private:
  bool ReadChange(model::FieldChange& fc) {
    if (!Eat('{')) return false;
    bool has_field = false;
    Ws();
    if (Eat('}')) return false;
    do {
      Ws();
      std::string key;
      if (!ReadString(key)) return false;
      Ws();
      if (!Eat(':')) return false;
      Ws();
      std::optional<std::string> value;
      if (s_.substr(pos_, 4) == "null") {
        pos_ += 4;
      } else {
        std::string v;
        if (!ReadString(v)) return false;
        value = std::move(v);
      }
      if (key == "field") {
        if (!value) return false;
        fc.field = std::move(*value);
        has_field = true;
      } else if (key == "old") {
        fc.old_value = std::move(value);
      } else if (key == "new") {
        fc.new_value = std::move(value);
      } else {
        return false;
      }
      Ws();
    } while (Eat(','));
    return Eat('}') && has_field;
  }

  bool ReadString(std::string& out) {
    if (!Eat('"')) return false;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) return false;
      char e = s_[pos_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo = 0;
            if (s_.substr(pos_, 2) != "\\u") return false;
            pos_ += 2;
            if (!Hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          AppendUtf8(out, cp);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  bool Hex4(uint32_t& v) {
    if (pos_ + 4 > s_.size()) return false;
    for (int i = 0; i < 4; ++i) {
      char c = s_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  static void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  void Ws() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) {
      ++pos_;
    }
  }
  bool Eat(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool AtEnd() {
    Ws();
    return pos_ == s_.size();
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

std::string CanonicalChangesJson(const std::vector<model::FieldChange>& changes) {
  std::string out;
  AppendChanges(out, changes);
  return out;
}

Result<std::vector<model::FieldChange>> ParseChangesJson(std::string_view json) {
  std::vector<model::FieldChange> out;
  JsonReader reader(json);
  if (!reader.ReadChanges(out)) {
    return Error::Storage("audit trail: the changes of an entry are not valid JSON");
  }
  return out;
}

namespace {
std::string EntryJson(const AuditEntry& e, std::string_view changes_json) {
  std::string out;
  out.reserve(192 + changes_json.size());
  out += "{\"action\":";
  AppendJsonString(out, model::Name(e.change.action));
  out += ",\"actor\":";
  AppendJsonString(out, e.actor);
  out += ",\"at\":";
  AppendJsonString(out, e.at);
  out += ",\"changes\":";
  out += changes_json;
  out += ",\"entity\":";
  AppendJsonString(out, e.change.entity);
  out += ",\"entity_id\":";
  AppendJsonString(out, e.change.entity_id);
  out += ",\"program\":";
  AppendJsonString(out, e.program);
  out += ",\"seq\":";
  out += std::to_string(e.seq);
  out += '}';
  return out;
}

}  // namespace

std::string CanonicalEntryJson(const AuditEntry& e) {
  return EntryJson(e, CanonicalChangesJson(e.change.changes));
}

std::string ComputeEntryHash(std::string_view prev_hash, const AuditEntry& entry,
                             std::string_view changes_json) {
  return Sha256().Update(prev_hash).Update("\n").Update(EntryJson(entry, changes_json)).HexDigest();
}

std::string ComputeEntryHash(std::string_view prev_hash, const AuditEntry& entry) {
  return ComputeEntryHash(prev_hash, entry, CanonicalChangesJson(entry.change.changes));
}

void ChainVerifier::Bad(int64_t seq, std::string reason) {
  if (first_bad_) return;
  first_bad_ = seq;
  reason_ = std::move(reason);
}

void ChainVerifier::Add(const AuditEntry& e) { Add(e, CanonicalChangesJson(e.change.changes)); }

void ChainVerifier::Add(const AuditEntry& e, std::string_view changes_json) {
  ++count_;
  if (!first_bad_) {
    if (e.seq > expected_seq_) {
      Bad(expected_seq_,
          e.seq == expected_seq_ + 1
              ? fmt::format("entry {} is missing", expected_seq_)
              : fmt::format("entries {} to {} are missing", expected_seq_, e.seq - 1));
    } else if (e.seq < expected_seq_) {
      Bad(e.seq, fmt::format("entry {} is out of order", e.seq));
    } else if (e.prev_hash != prev_hash_) {
      Bad(e.seq, fmt::format("entry {} does not link to entry {}", e.seq, e.seq - 1));
    } else if (ComputeEntryHash(e.prev_hash, e, changes_json) != e.hash) {
      Bad(e.seq, fmt::format("entry {} was changed after it was written", e.seq));
    }
  }
  prev_hash_ = e.hash;
  expected_seq_ = e.seq + 1;
}

void ChainVerifier::AddUnreadable(int64_t seq, std::string reason) {
  ++count_;
  Bad(seq, fmt::format("entry {} cannot be read: {}", seq, reason));
  expected_seq_ = seq + 1;
}

VerifyResult ChainVerifier::Finish(const std::optional<AuditHead>& head) const {
  VerifyResult r;
  r.entries = count_;
  auto fail = [&](int64_t seq, std::string reason) {
    r.ok = false;
    r.first_bad = seq;
    r.reason = std::move(reason);
    return r;
  };
  if (first_bad_) return fail(*first_bad_, reason_);
  const int64_t last = expected_seq_ - 1;
  if (!head) {
    if (count_ == 0) return r;
    return fail(last + 1, "the head record is missing: newer entries may have been removed");
  }
  if (head->last_seq > last) {
    return fail(last + 1, head->last_seq == last + 1
                              ? fmt::format("entry {} is missing (the head records it)", last + 1)
                              : fmt::format("entries {} to {} are missing (the head records them)",
                                            last + 1, head->last_seq));
  }
  if (head->last_seq < last) {
    return fail(head->last_seq + 1,
                fmt::format("entry {} is not recorded in the head", head->last_seq + 1));
  }
  if (head->last_hash != prev_hash_) {
    return fail(last, fmt::format("the head's hash does not match entry {}", last));
  }
  return r;
}

VerifyResult VerifyChain(const std::vector<AuditEntry>& entries,
                         const std::optional<AuditHead>& head) {
  ChainVerifier v;
  for (const auto& e : entries) v.Add(e);
  return v.Finish(head);
}

}  // namespace tpmkit::store
