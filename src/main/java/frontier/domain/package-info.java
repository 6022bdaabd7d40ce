/**
 * The shared vocabulary of Frontier: small enums whose constants have a stable text code, used on both
 * sides of a seam (the price catalogue and billing lines, the bill and the twin). Depends on nothing but
 * {@code frontier.sim.BadInputException} (the input boundary's exception) and Jackson's annotations
 * (a constant is written to JSON as its code).
 *
 * <p>Every coded enum follows one convention ({@link frontier.domain.Coded}): {@code code()} is the
 * spelling files, JSON and the workspace store; {@code fromCode(String)} returns the constant or throws
 * {@link frontier.sim.BadInputException} naming the allowed codes; {@code find(String)} is the lenient
 * form (an {@code Optional}) for callers with their own message or default.
 */
package frontier.domain;
