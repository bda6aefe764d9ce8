export interface EmbeddingCreateParams {
  model: string;
  input: string | Array<string> | Array<number> | Array<Array<number>>;
  dimensions?: number;
  encoding_format?: 'float' | 'base64';
  user?: string;
}

export interface Embedding {
  object: 'embedding';
  index: number;
  embedding: Array<number>;
}

export interface CreateEmbeddingResponse {
  object: 'list';
  data: Array<Embedding>;
  model: string;
  usage: { prompt_tokens: number; total_tokens: number; estimated_cost?: number };
  switchyard: import('./switchyard-metadata.js').SwitchyardMetadata;
}
