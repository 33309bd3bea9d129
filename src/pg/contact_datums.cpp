// Datums of generated contacts; see contact_datums.hpp.
#include "pg/contact_datums.hpp"

#include "utils/date.h"
#include "utils/timestamp.h"

namespace contacts::pg {
namespace {

Datum gender_datum(char g) { return text_datum(std::string_view(&g, 1)); }

constexpr SeedColumn kAddressColumns[] = {
    {"id", INT8OID},          {"street", TEXTOID}, {"street_number", TEXTOID},
    {"city_code", TEXTOID},   {"city", TEXTOID},   {"country", TEXTOID},
};
constexpr SeedColumn kUserColumns[] = {
    {"id", INT8OID},           {"first_name", TEXTOID},   {"last_name", TEXTOID},
    {"gender", TEXTOID},       {"customer_id", TEXTOID},  {"phone_number", TEXTOID},
    {"birthday", DATEOID},     {"created", TIMESTAMPTZOID}, {"last_updated", TIMESTAMPTZOID},
    {"address_id", INT8OID},
};
constexpr SeedColumn kRelationshipColumns[] = {
    {"id", INT8OID},      {"appuser_id", INT8OID},          {"points", INT4OID},
    {"created", TIMESTAMPTZOID}, {"last_activity", TIMESTAMPTZOID},
};

}  // namespace

void fill_list_row(const core::GeneratedContact& c, Datum* values, bool* nulls) {
    for (int i = 0; i < kListColumnCount; ++i) nulls[i] = false;

    values[kColId] = Int64GetDatum(c.id);
    values[kColFirstName] = text_datum(c.first_name);
    values[kColLastName] = text_datum(c.last_name);
    values[kColGender] = gender_datum(c.gender);
    values[kColCustomerId] = text_datum(c.customer_id.view());
    if (c.has_phone) values[kColPhoneNumber] = text_datum(c.phone_number.view());
    else nulls[kColPhoneNumber] = true;
    if (c.has_birthday) values[kColBirthday] = DateADTGetDatum(c.birthday);
    else nulls[kColBirthday] = true;
    values[kColCreated] = TimestampTzGetDatum(c.created);
    values[kColLastUpdated] = TimestampTzGetDatum(c.last_updated);

    if (c.has_address) {
        values[kColAddressId] = Int64GetDatum(c.id);
        values[kColStreet] = text_datum(c.street);
        values[kColStreetNumber] = text_datum(c.street_number.view());
        values[kColCityCode] = text_datum(c.city_code.view());
        values[kColCity] = text_datum(c.city);
        values[kColCountry] = text_datum(c.country);
    } else {
        for (int i = kColAddressId; i <= kColCountry; ++i) nulls[i] = true;
    }

    if (c.has_relationship) {
        values[kColRelationshipId] = Int64GetDatum(c.id);
        values[kColPoints] = Int32GetDatum(c.points);
        values[kColRelationshipCreated] = TimestampTzGetDatum(c.relationship_created);
        if (c.has_last_activity) values[kColLastActivity] = TimestampTzGetDatum(c.last_activity);
        else nulls[kColLastActivity] = true;
    } else {
        for (int i = kColRelationshipId; i <= kColLastActivity; ++i) nulls[i] = true;
    }
}

int seed_columns(SeedTable table, const SeedColumn** columns) {
    switch (table) {
        case SeedTable::Address:
            *columns = kAddressColumns;
            return static_cast<int>(std::size(kAddressColumns));
        case SeedTable::AppUser:
            *columns = kUserColumns;
            return static_cast<int>(std::size(kUserColumns));
        case SeedTable::Relationship:
            *columns = kRelationshipColumns;
            return static_cast<int>(std::size(kRelationshipColumns));
    }
    *columns = nullptr;
    return 0;
}

void fill_seed_row(SeedTable table, const core::GeneratedContact& c, Datum* values, bool* nulls) {
    switch (table) {
        case SeedTable::Address:
            values[0] = Int64GetDatum(c.id);
            values[1] = text_datum(c.street);
            values[2] = text_datum(c.street_number.view());
            values[3] = text_datum(c.city_code.view());
            values[4] = text_datum(c.city);
            values[5] = text_datum(c.country);
            for (int i = 0; i < 6; ++i) nulls[i] = false;
            return;
        case SeedTable::AppUser:
            for (int i = 0; i < 10; ++i) nulls[i] = false;
            values[0] = Int64GetDatum(c.id);
            values[1] = text_datum(c.first_name);
            values[2] = text_datum(c.last_name);
            values[3] = gender_datum(c.gender);
            values[4] = text_datum(c.customer_id.view());
            if (c.has_phone) values[5] = text_datum(c.phone_number.view());
            else nulls[5] = true;
            if (c.has_birthday) values[6] = DateADTGetDatum(c.birthday);
            else nulls[6] = true;
            values[7] = TimestampTzGetDatum(c.created);
            values[8] = TimestampTzGetDatum(c.last_updated);
            if (c.has_address) values[9] = Int64GetDatum(c.id);
            else nulls[9] = true;
            return;
        case SeedTable::Relationship:
            for (int i = 0; i < 5; ++i) nulls[i] = false;
            values[0] = Int64GetDatum(c.id);
            values[1] = Int64GetDatum(c.id);
            values[2] = Int32GetDatum(c.points);
            values[3] = TimestampTzGetDatum(c.relationship_created);
            if (c.has_last_activity) values[4] = TimestampTzGetDatum(c.last_activity);
            else nulls[4] = true;
            return;
    }
}

}  // namespace contacts::pg
