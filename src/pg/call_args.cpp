// Argument readers; see call_args.hpp.
#include "pg/call_args.hpp"

extern "C" {
#include "utils/rls.h"
}

#include "pg/boundary.hpp"

#include "core/error.hpp"

extern "C" {
#include "utils/array.h"
#include "utils/jsonb.h"
}

namespace contacts::pg {

std::string filter_arg(FunctionCallInfo fcinfo, int argno) {
    if (PG_ARGISNULL(argno)) return "{}";
    const char* text = pg_call([=]() -> const char* {
        Jsonb* jb = PG_GETARG_JSONB_P(argno);
        return JsonbToCString(nullptr, &jb->root, VARSIZE(jb));
    });
    return std::string(text);
}

std::vector<std::string> sort_arg(FunctionCallInfo fcinfo, int argno) {
    std::vector<std::string> keys;
    if (PG_ARGISNULL(argno)) return keys;
    Datum* elems = nullptr;
    bool* nulls = nullptr;
    int count = 0;
    pg_call([&] {
        ArrayType* arr = PG_GETARG_ARRAYTYPE_P(argno);
        if (ARR_NDIM(arr) > 1)
            ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("sort must be a one-dimensional text array")));
        deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &count);
    });
    keys.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        if (nulls[i])
            throw core::Error(core::SqlState::NullValueNotAllowed, "sort must not contain NULL",
                              "Element " + std::to_string(i + 1) + " is NULL.",
                              "Give field names, with a leading '-' for descending order.");
        const text* t = reinterpret_cast<const text*>(DatumGetPointer(elems[i]));
        keys.emplace_back(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
    }
    return keys;
}

std::optional<std::string> optional_text_arg(FunctionCallInfo fcinfo, int argno) {
    if (PG_ARGISNULL(argno)) return std::nullopt;
    struct varlena* t = pg_call([=] { return PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(argno)); });
    return std::string(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

int64_t required_int_arg(FunctionCallInfo fcinfo, int argno, const char* name, bool is_int8) {
    if (PG_ARGISNULL(argno))
        throw core::Error(core::SqlState::NullValueNotAllowed, std::string(name) + " must not be NULL");
    return is_int8 ? PG_GETARG_INT64(argno) : PG_GETARG_INT32(argno);
}

std::string extension_schema_sql(FunctionCallInfo fcinfo) {
    const Oid fn = fcinfo->flinfo->fn_oid;
    const char* quoted = pg_call([=]() -> const char* {
        const char* name = get_namespace_name(get_func_namespace(fn));
        if (name == nullptr) elog(ERROR, "contacts_ext: the schema of function %u is gone", fn);
        return quote_identifier(name);
    });
    return std::string(quoted);
}

bool address_rows_hidable(FunctionCallInfo fcinfo) {
    const Oid fn = fcinfo->flinfo->fn_oid;
    return pg_call([=]() -> bool {
        const Oid relid = get_relname_relid("address", get_func_namespace(fn));
        // Gone or renamed: assume the worst (the query then fails on its own).
        if (!OidIsValid(relid)) return true;
        return check_enable_rls(relid, InvalidOid, true) == RLS_ENABLED;
    });
}

}  // namespace contacts::pg
