# Image of the platform's Node.js services (portal API, job workers, back-office simulator).
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY core core
COPY connectors connectors
COPY portal-api portal-api
COPY processes processes
COPY scripts scripts
COPY simulators simulators
COPY workers workers
# The API serves the browser apps: the tasklist's files and the shared library as they are, the
# modeller's sources bundled at its first request (their screenshots stay out).
COPY browser-shared browser-shared
COPY tasklist/public tasklist/public
COPY modeler-ui/public modeler-ui/public
COPY modeler-ui/src modeler-ui/src
# The bpmnlint rules: both programs lint diagrams with them, and the modeller's bundle compiles them in.
COPY .bpmnlintrc ./
USER node
ENV NODE_ENV=production
CMD ["node", "portal-api/server.ts"]
