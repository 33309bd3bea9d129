// Turning a generated contact into PostgreSQL Datums.
//
// Shared by contacts_generate (one 19-column row per contact, the columns
// contacts_list returns without `cursor`) and contacts_seed (one row per
// table). Text Datums are palloc'd in CurrentMemoryContext, so these may
// ereport on out-of-memory: call them only from frames without C++ objects
// that have destructors (GeneratedContact has none).
#pragma once

#include "pg/postgres.hpp"

#include "core/contact_generator.hpp"

#include <string_view>

namespace contacts::pg {

inline Datum text_datum(std::string_view s) {
    return PointerGetDatum(cstring_to_text_with_len(s.data(), static_cast<int>(s.size())));
}

// The columns of contacts_generate's result, in order.
enum ListColumn {
    kColId, kColFirstName, kColLastName, kColGender, kColCustomerId, kColPhoneNumber,
    kColBirthday, kColCreated, kColLastUpdated, kColAddressId, kColStreet,
    kColStreetNumber, kColCityCode, kColCity, kColCountry, kColRelationshipId,
    kColPoints, kColRelationshipCreated, kColLastActivity,
    kListColumnCount
};

// Fills values/nulls[kListColumnCount] with one contact as contacts_list shows it.
void fill_list_row(const core::GeneratedContact& c, Datum* values, bool* nulls);

// The tables contacts_seed writes, and their columns in the order below.
enum class SeedTable { Address, AppUser, Relationship };
constexpr int kSeedTableCount = 3;

struct SeedColumn {
    const char* name;
    Oid type;
};

// The columns contacts_seed fills, per table (see the install script).
int seed_columns(SeedTable table, const SeedColumn** columns);

// Fills the Datums of `table`'s row for contact c; values[k]/nulls[k] belong
// to seed_columns(table)[k].
void fill_seed_row(SeedTable table, const core::GeneratedContact& c, Datum* values, bool* nulls);

}  // namespace contacts::pg
