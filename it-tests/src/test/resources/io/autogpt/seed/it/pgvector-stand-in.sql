-- A stand-in for pgvector, for test servers without the extension (Debian 12 does not package it): a type named
-- vector that takes a dimension (vector(1536)), reads and prints pgvector's text form unchanged, and an index access
-- method hnsw with an operator class vector_cosine_ops, so the platform's DDL for "UnifiedContentEmbedding" runs as
-- written. It stores the text as it is and compares by bytes: enough to load, index and read vectors back; the
-- distance operators are not there (tests compute similarity themselves). Needs a superuser (internal functions).
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE TYPE extensions.vector;
CREATE FUNCTION extensions.vector_in(cstring) RETURNS extensions.vector LANGUAGE internal IMMUTABLE STRICT AS 'textin';
CREATE FUNCTION extensions.vector_out(extensions.vector) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
CREATE FUNCTION extensions.vector_typmod_in(cstring[]) RETURNS integer LANGUAGE internal IMMUTABLE STRICT
    AS 'varchartypmodin';
CREATE TYPE extensions.vector (INPUT = extensions.vector_in, OUTPUT = extensions.vector_out,
    TYPMOD_IN = extensions.vector_typmod_in, INTERNALLENGTH = VARIABLE, STORAGE = extended);
CREATE FUNCTION extensions.vector_eq(extensions.vector, extensions.vector) RETURNS boolean LANGUAGE internal
    IMMUTABLE STRICT AS 'byteaeq';
CREATE OPERATOR extensions.= (LEFTARG = extensions.vector, RIGHTARG = extensions.vector,
    FUNCTION = extensions.vector_eq);
CREATE FUNCTION extensions.vector_hash(extensions.vector) RETURNS integer LANGUAGE internal IMMUTABLE STRICT
    AS 'hashvarlena';
CREATE ACCESS METHOD hnsw TYPE INDEX HANDLER hashhandler;
CREATE OPERATOR CLASS extensions.vector_cosine_ops FOR TYPE extensions.vector USING hnsw AS
    OPERATOR 1 extensions.= (extensions.vector, extensions.vector),
    FUNCTION 1 extensions.vector_hash(extensions.vector);
