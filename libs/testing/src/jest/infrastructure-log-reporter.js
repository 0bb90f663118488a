// Plain JavaScript: jest loads reporters without transforming them.
/** Points a failing run at the broker's log, and asks the teardown to keep it. */
class InfrastructureLogReporter {
  onRunComplete(_contexts, results) {
    const failed =
      results.numFailedTests > 0 || results.numFailedTestSuites > 0 || results.numRuntimeErrorTestSuites > 0;
    const kafkaLog = process.env.LINTAS_TEST_KAFKA_LOG;
    if (!failed || !kafkaLog) return;
    process.env.LINTAS_TEST_KEEP_LOGS = '1';
    process.stdout.write(`\nThe run failed; the Kafka broker's log is kept at ${kafkaLog}\n`);
  }
}

module.exports = InfrastructureLogReporter;
