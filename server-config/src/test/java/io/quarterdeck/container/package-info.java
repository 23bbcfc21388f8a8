/**
 * In-container tests (Arquillian, Liberty managed container): what only the running container can prove, such as
 * CDI wiring, transaction boundaries and when events leave; the archive is the shipped WAR plus this package.
 */
package io.quarterdeck.container;
