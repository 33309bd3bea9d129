#include "core/fields.hpp"

#include "core/no_postgres.hpp"

namespace contacts::core {

namespace {

std::vector<Field> make_fields() {
    using T = FieldType;
    // name, alias, sql, type, nullable, table, sortable, column, null_test_sql.
    //
    // address_id (and its alias address__id) is u.address_id, not a.id: the
    // foreign key makes them equal whenever an address is joined, and both
    // are NULL otherwise, so the app_user column gives the same answers
    // without needing the join (count queries can then skip address).
    return {
        {"id", "", "u.id", T::BigInt, false, Table::AppUser, true, 0, "u.id"},
        {"first_name", "", "u.first_name", T::Text, false, Table::AppUser, true, 1, "u.first_name"},
        {"last_name", "", "u.last_name", T::Text, false, Table::AppUser, true, 2, "u.last_name"},
        {"gender", "", "u.gender", T::Text, false, Table::AppUser, true, 3, "u.gender"},
        {"customer_id", "", "u.customer_id", T::Text, false, Table::AppUser, true, 4, "u.customer_id"},
        {"phone_number", "", "u.phone_number", T::Text, true, Table::AppUser, true, 5, "u.phone_number"},
        {"birthday", "", "u.birthday", T::Date, true, Table::AppUser, true, 6, "u.birthday"},
        {"created", "", "u.created", T::TimestampTz, false, Table::AppUser, true, 7, "u.created"},
        {"last_updated", "", "u.last_updated", T::TimestampTz, false, Table::AppUser, true, 8, "u.last_updated"},
        {"address_id", "address__id", "u.address_id", T::BigInt, true, Table::AppUser, true, 9, "u.address_id"},
        {"street", "address__street", "a.street", T::Text, true, Table::Address, true, 10, "a.id"},
        {"street_number", "address__street_number", "a.street_number", T::Text, true, Table::Address, true, 11, "a.id"},
        {"city_code", "address__city_code", "a.city_code", T::Text, true, Table::Address, true, 12, "a.id"},
        {"city", "address__city", "a.city", T::Text, true, Table::Address, true, 13, "a.id"},
        {"country", "address__country", "a.country", T::Text, true, Table::Address, true, 14, "a.id"},
        {"relationship_id", "relationship__id", "cr.id", T::BigInt, true, Table::Relationship, true, 15, "cr.appuser_id"},
        {"points", "relationship__points", "cr.points", T::Integer, true, Table::Relationship, true, 16, "cr.appuser_id"},
        {"relationship_created", "relationship__created", "cr.created", T::TimestampTz, true,
         Table::Relationship, true, 17, "cr.appuser_id"},
        {"last_activity", "relationship__last_activity", "cr.last_activity", T::TimestampTz, true,
         Table::Relationship, true, 18, "cr.last_activity"},
    };
}

}  // namespace

const std::vector<Field>& all_fields() {
    static const std::vector<Field> fields = make_fields();
    return fields;
}

const Field* find_field(std::string_view name) {
    if (name.empty()) return nullptr;
    for (const Field& f : all_fields()) {
        if (f.name == name || f.alias == name) return &f;
    }
    return nullptr;
}

const Field& id_field() { return all_fields().front(); }

std::string allowed_field_names() {
    std::string out;
    for (const Field& f : all_fields()) {
        if (!out.empty()) out += ", ";
        out += f.name;
    }
    for (const Field& f : all_fields()) {
        if (f.alias.empty()) continue;
        out += ", ";
        out += f.alias;
    }
    return out;
}

std::string_view field_type_name(FieldType type) {
    switch (type) {
        case FieldType::BigInt: return "bigint";
        case FieldType::Integer: return "integer";
        case FieldType::Text: return "text";
        case FieldType::Date: return "date";
        case FieldType::TimestampTz: return "timestamptz";
    }
    return "unknown";
}

std::string_view null_test_for(const Field& f, bool address_rows_hidable) {
    if (!address_rows_hidable && f.table == Table::Address && f.null_test_sql == "a.id") return "u.address_id";
    return f.null_test_sql;
}

}  // namespace contacts::core
