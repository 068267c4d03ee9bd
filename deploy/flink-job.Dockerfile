# The Flink image with the IPWatch match job on its user class path (application mode: standalone-job).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl stream-jobs -am package -DskipTests \
 && mvn -B -q -pl stream-jobs dependency:copy-dependencies -DincludeScope=runtime -DexcludeGroupIds=org.apache.flink \
      -DoutputDirectory=/out/lib \
 && mvn -B -q -pl stream-jobs dependency:copy-dependencies -DincludeScope=runtime -DincludeArtifactIds=flink-connector-kafka \
      -DoutputDirectory=/out/lib \
 && cp stream-jobs/target/stream-jobs-*.jar /out/lib/

FROM flink:2.2.1-java17
COPY --from=build /out/lib /opt/flink/usrlib
COPY config /opt/ipwatch/config
