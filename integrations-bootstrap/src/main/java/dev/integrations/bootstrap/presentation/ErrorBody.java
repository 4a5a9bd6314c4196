package dev.integrations.bootstrap.presentation;

/** Every error answer: a sentence for people and a stable code for programs. */
public record ErrorBody(String detail, String code) {}
