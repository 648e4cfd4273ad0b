# The image of each service and of the schema registry: Spring Boot's layered jar on a Java 17 JRE,
# run as a non-root user. One file for all four; the module and its port are build arguments, with no
# default, so a build that forgets one fails. Build from the repository root once the jars exist
# (Docker is not needed for anything else), e.g.:
#   ./mvnw -DskipTests package
#   docker build --build-arg MODULE=order-service --build-arg PORT=8080 -t orderflow/order-service:0.1.0 .
# docs/kubernetes.md lists the four builds; k8s/ checks this file and those commands in the build:
# JRE base, numeric non-root USER, EXPOSE = the module's server.port, ENTRYPOINT.

FROM eclipse-temurin:17-jre AS layers
ARG MODULE
WORKDIR /build
COPY ${MODULE}/target/${MODULE}-*.jar app.jar
# One directory per layer (dependencies, spring-boot-loader, snapshot-dependencies, application),
# so a code change rebuilds and pushes only the small application layer.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
ARG PORT
# A fixed numeric UID: Kubernetes' runAsNonRoot can only verify a numeric user, and k8s/ pins runAsUser 10001.
RUN groupadd --system --gid 10001 orderflow \
	&& useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin orderflow
WORKDIR /app
# Least-changing layer first, so rebuilds reuse the cached ones.
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
# In a container the service must listen on every interface (its default is 127.0.0.1).
ENV SERVER_ADDRESS=0.0.0.0
EXPOSE ${PORT}
# Heap sized from the container's memory limit rather than the node's; exit on OOM so the
# kubelet restarts the pod instead of leaving a half-dead JVM. No HEALTHCHECK: Kubernetes probes
# /actuator/health/liveness and /actuator/health/readiness. Threads keep no borrowed direct
# buffer: every request thread writes H2 chunks (ServiceJvm in dev-stack says what that cost).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djdk.nio.maxCachedBufferSize=0", "-Djava.io.tmpdir=/tmp", "org.springframework.boot.loader.launch.JarLauncher"]
