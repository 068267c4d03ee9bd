# The Flink image with the IPWatch stream jobs on its user class path (application mode: standalone-job).
# The job jar (stream-jobs-*-job.jar, maven-shade-plugin) holds our classes and every library the jobs use except Flink
# itself, which the image provides; the Kafka connector is inside it. The same jar is what the multi-host drill
# (StreamJobsMultiHostIT) submits to a standalone cluster through the REST API.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl stream-jobs -am package -DskipTests \
 && mkdir -p /out/lib \
 && cp stream-jobs/target/stream-jobs-*-job.jar /out/lib/

FROM flink:2.2.1-java17
COPY --from=build /out/lib /opt/flink/usrlib
COPY config /opt/ipwatch/config
