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
USER node
ENV NODE_ENV=production
CMD ["node", "portal-api/server.ts"]
