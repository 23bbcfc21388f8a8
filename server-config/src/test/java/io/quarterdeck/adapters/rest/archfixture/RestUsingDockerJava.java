package io.quarterdeck.adapters.rest.archfixture;

/** Deliberately wrong: a REST adapter talking to the Docker Engine itself instead of through the core's port. */
public class RestUsingDockerJava {
    com.github.dockerjava.api.DockerClient docker;
}
