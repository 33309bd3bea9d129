// Param → Datum conversion; see bind_params.hpp.
#include "pg/bind_params.hpp"

#include "pg/boundary.hpp"

#include "core/error.hpp"

extern "C" {
#include "utils/array.h"
}

#include <string>

namespace contacts::pg {
namespace {

Oid element_type(core::ParamType type) {
    switch (type) {
        case core::ParamType::Int8Array: return INT8OID;
        case core::ParamType::Int4Array: return INT4OID;
        case core::ParamType::TextArray: return TEXTOID;
        case core::ParamType::DateArray: return DATEOID;
        case core::ParamType::TimestampTzArray: return TIMESTAMPTZOID;
        default: return InvalidOid;
    }
}

// One value through its type's input function. PostgreSQL's complaint
// (e.g. 'invalid input syntax for type date: "2024-13-01"') becomes our
// error naming the key; the SQLSTATE stays in class 22 as the contract asks.
Datum input_value(Oid type, const std::string& text, const core::Param& p) {
    try {
        return pg_call([&]() -> Datum {
            Oid input_fn;
            Oid ioparam;
            getTypeInputInfo(type, &input_fn, &ioparam);
            return OidInputFunctionCall(input_fn, const_cast<char*>(text.c_str()), ioparam, -1);
        });
    } catch (const PgError& e) {
        const bool out_of_range = e.sqlerrcode() == ERRCODE_DATETIME_VALUE_OUT_OF_RANGE ||
                                  e.sqlerrcode() == ERRCODE_DATETIME_FIELD_OVERFLOW ||
                                  e.sqlerrcode() == ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
        throw core::Error(out_of_range ? core::SqlState::InvalidParameterValue
                                       : core::SqlState::InvalidTextRepresentation,
                          "invalid value for filter key \"" + p.origin_key + "\": " + e.what(),
                          "Expected a value of type " + std::string(core::param_type_name(p.type)) + ".");
    }
}

}  // namespace

Oid param_type_oid(core::ParamType type) {
    switch (type) {
        case core::ParamType::Int8: return INT8OID;
        case core::ParamType::Int4: return INT4OID;
        case core::ParamType::Text: return TEXTOID;
        case core::ParamType::Bool: return BOOLOID;
        case core::ParamType::Date: return DATEOID;
        case core::ParamType::TimestampTz: return TIMESTAMPTZOID;
        case core::ParamType::Float8: return FLOAT8OID;
        case core::ParamType::Int8Array: return INT8ARRAYOID;
        case core::ParamType::Int4Array: return INT4ARRAYOID;
        case core::ParamType::TextArray: return TEXTARRAYOID;
        case core::ParamType::DateArray: return DATEARRAYOID;
        case core::ParamType::TimestampTzArray: return TIMESTAMPTZARRAYOID;
    }
    throw core::Error(core::SqlState::InternalError, "unknown parameter type");
}

BoundParams bind_params(const std::vector<core::Param>& params) {
    BoundParams out;
    out.types.reserve(params.size());
    out.values.reserve(params.size());
    out.nulls.reserve(params.size());
    for (const core::Param& p : params) {
        const Oid type = param_type_oid(p.type);
        out.types.push_back(type);
        if (p.is_null) {
            out.values.push_back(Datum(0));
            out.nulls.push_back('n');
            continue;
        }
        out.nulls.push_back(' ');
        if (!core::param_type_is_array(p.type)) {
            out.values.push_back(input_value(type, p.text, p));
            continue;
        }
        const Oid elem = element_type(p.type);
        std::vector<Datum> elems;
        elems.reserve(p.elements.size());
        for (const std::string& e : p.elements) elems.push_back(input_value(elem, e, p));
        Datum* data = elems.data();
        const int count = static_cast<int>(elems.size());
        out.values.push_back(pg_call([=]() -> Datum {
            int16 typlen;
            bool typbyval;
            char typalign;
            get_typlenbyvalalign(elem, &typlen, &typbyval, &typalign);
            return PointerGetDatum(construct_array(data, count, elem, typlen, typbyval, typalign));
        }));
    }
    return out;
}

ParamListInfo param_list(const BoundParams& bound) {
    const int n = static_cast<int>(bound.types.size());
    ParamListInfo params = pg_call([=] { return makeParamList(n); });
    for (int i = 0; i < n; ++i) {
        ParamExternData& p = params->params[i];
        p.value = bound.values[i];
        p.isnull = bound.nulls[i] == 'n';
        p.pflags = PARAM_FLAG_CONST;
        p.ptype = bound.types[i];
    }
    return params;
}

}  // namespace contacts::pg
