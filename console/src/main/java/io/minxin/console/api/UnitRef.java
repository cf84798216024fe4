package io.minxin.console.api;

/** A handling unit (承办单位) by id and name, e.g. to reassign a 较差件 to. */
public record UnitRef(String unitId, String unitName) {}
