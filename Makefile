# Developer entry points; each target delegates to a script under scripts/ or to npm.
# `make test` is exactly what CI runs (.ci/run -> npm test -> scripts/test.sh).

.PHONY: install build run test kafka-up kafka-down bench bench-quick murmur2-vectors clean soak

install:
	npm ci --no-audit --no-fund

build:
	bash scripts/build.sh

# The main job: 100,000 content events + CDC as JSON Lines under ./out; pass more with ARGS="--events 1m".
run:
	bash scripts/run-default.sh $(ARGS)

test:
	npm test

# Soak: 10 minutes at 10,000 events/s into Kafka on 127.0.0.1:9092, then SLO verdicts in soak-report.json
# (exit 1 when one fails); longer or faster with ARGS="--duration 2h --rate 20k".
soak: build
	node dist/src/cli/main.js soak --sink kafka --report soak-report.json $(ARGS)

# Local single-node KRaft broker on 127.0.0.1:$${KAFKA_PORT:-9092}; data and log under .kafka/.
kafka-up:
	bash scripts/kafka-up.sh

kafka-down:
	bash scripts/kafka-down.sh

# The bench runner (dist/bench/run.js) when it exists, otherwise every scenario file in turn.
bench: build
	@if [ -f dist/bench/run.js ]; then node dist/bench/run.js; \
	else for f in dist/bench/*.bench.js; do echo "bench: $$f"; node "$$f" || exit 1; done; fi

bench-quick: build
	@if [ -f dist/bench/run.js ]; then node dist/bench/run.js --quick; \
	else node dist/bench/generate-null.bench.js 500000 1; fi

# Rewrites test/fixtures/murmur2-vectors.json from Kafka's Java client (needs Java and Maven).
murmur2-vectors:
	bash scripts/murmur2-vectors.sh

clean:
	-bash scripts/kafka-down.sh
	rm -rf dist out .kafka
