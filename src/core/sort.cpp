#include "core/sort.hpp"

#include "core/error.hpp"
#include "core/siphash.hpp"
#include "core/no_postgres.hpp"

namespace contacts::core {

namespace {

// Distinct from the cursor MAC key: the fingerprint only has to tell sorts
// apart, and the MAC covers it anyway.
constexpr uint8_t kFingerprintKey[16] = {'c', 'o', 'n', 't', 'a', 'c', 't', 's',
                                         '-', 's', 'o', 'r', 't', '-', 'f', 'p'};

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

std::string SortSpec::normalized() const {
    std::string s;
    for (const SortKey& k : keys) {
        if (!s.empty()) s += ",";
        if (k.descending) s += "-";
        s += k.field->name;
    }
    return s;
}

uint64_t SortSpec::fingerprint() const {
    std::string n = normalized();
    return siphash24(kFingerprintKey, reinterpret_cast<const uint8_t*>(n.data()), n.size());
}

SortSpec SortSpec::reversed() const {
    SortSpec r = *this;
    for (SortKey& k : r.keys) k.descending = !k.descending;
    return r;
}

SortSpec parse_sort(const std::vector<std::string>& entries) {
    SortSpec spec;
    bool has_id = false;
    std::vector<const Field*> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string& entry = entries[i];
        std::string name = entry;
        bool desc = false;
        if (!name.empty() && name[0] == '-') {
            desc = true;
            name.erase(0, 1);
        }
        if (name.empty()) {
            throw Error(SqlState::InvalidParameterValue,
                        "sort entry " + std::to_string(i + 1) + " is " +
                            (entry.empty() ? std::string("empty") : quoted(entry)) + ": expected a field name",
                        "", "Use a field name, with a '-' prefix for descending, e.g. {-points,last_name}.");
        }
        const Field* f = find_field(name);
        if (f == nullptr) {
            throw Error(SqlState::UndefinedColumn, "unknown sort field " + quoted(name) + " in sort entry " +
                                                       quoted(entry),
                        "Allowed fields: " + allowed_field_names() + ".",
                        "Prefix a field with '-' to sort descending.");
        }
        if (!f->sortable) {
            throw Error(SqlState::InvalidParameterValue, "field " + quoted(name) + " cannot be sorted on");
        }
        for (const Field* seen_field : seen) {
            if (seen_field == f) {
                throw Error(SqlState::InvalidParameterValue,
                            "sort field " + quoted(std::string(f->name)) + " appears more than once (entry " +
                                quoted(entry) + ")",
                            "", "Each field may appear once in a sort.");
            }
        }
        seen.push_back(f);
        if (has_id) continue;  // validated, but keys after the unique id never matter
        spec.keys.push_back(SortKey{f, desc});
        if (f == &id_field()) has_id = true;
    }
    if (!has_id) spec.keys.push_back(SortKey{&id_field(), false});
    return spec;
}

std::string order_by_sql(const SortSpec& spec, const std::string& qualifier, std::size_t first_key) {
    std::string s;
    for (std::size_t i = first_key; i < spec.keys.size(); ++i) {
        const SortKey& k = spec.keys[i];
        if (!s.empty()) s += ", ";
        if (qualifier.empty()) {
            s += k.field->sql;
        } else {
            s += qualifier;
            s += ".";
            s += k.field->name;
        }
        s += k.descending ? " DESC NULLS FIRST" : " ASC NULLS LAST";
    }
    return s;
}

}  // namespace contacts::core
