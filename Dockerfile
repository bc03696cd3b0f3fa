# The fairpace command in a container, for the Kubernetes recipe (README, "More than one machine"). The image holds
# exactly what `npm pack` ships, installed from the npm registry like any package:
#   npm ci && npm pack && docker build -t fairpace:0.1.0 .
FROM node:20-bookworm-slim
COPY fairpace-*.tgz /tmp/
RUN npm install --global /tmp/fairpace-*.tgz && rm /tmp/fairpace-*.tgz && npm cache clean --force \
  && mkdir /work && chown node:node /work
WORKDIR /work
USER node
ENTRYPOINT ["fairpace"]
